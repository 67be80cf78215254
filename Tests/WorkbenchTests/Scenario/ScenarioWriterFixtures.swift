/// Scenarios written by hand for the writer's tests.
enum ScenarioWriterFixtures {
    /// A valid scenario that uses every top-level key, every world list, every timeline action
    /// and the optional keys each of them takes, with values away from their defaults, so that
    /// writing it and reading it back exercises every branch of the writer.
    static let everything = """
        scenario: every-key
        description: |
          Every key the format has.
          Two lines, so the description is literal.
        seed: 18446744073709551615
        clock: {start: 2026-04-01T00:00:00Z, end: 2026-06-01T00:00:00Z}
        world:
          sizes:
            - {slug: s-1vcpu-1gb, price_monthly: 7.00}
            - {slug: x-huge, price_monthly: 1234.56, vcpus: 64, memory: 262144, disk: 2000}
          projects:
            - {name: main, description: "Main: the default", environment: Production, default: true}
            - {name: side, environment: Staging}
            - {name: "yes"}
          droplets:
            - {name: web-1, size: s-1vcpu-1gb, region: syd1, project: main, tags: [web, "8080"], provisioned: true}
            - {name: web-2, size: s-1vcpu-1gb, region: syd1, status: off, created_at: 2026-03-15T06:30:00Z}
            - {name: node-#, count: 12, size: s-2vcpu-4gb, region: sgp1, project: side, tags: [fleet]}
            - {name: x-1, size: s-1vcpu-1gb, region: syd1}
          domains:
            - {name: example.com, project: main, ttl: 3600}
            - {name: example.net}
          volumes:
            - {name: vol-1, size: 100, region: syd1, project: main, tags: [data], attached_to: web-1}
            - {name: vol-2, size: 10, region: syd1}
          reserved_ips:
            - {name: ip-1, region: syd1, project: main, droplet: web-1}
            - {name: ip-2, region: syd1}
          firewalls:
            - name: fw-1
              droplets: [web-1]
              tags: [web]
              inbound:
                - {protocol: tcp, ports: "22", addresses: [0.0.0.0/0, "::/0"]}
                - {protocol: icmp, tags: [web]}
              outbound:
                - {protocol: udp, ports: 8000-9000, addresses: [10.0.0.0/8]}
          load_balancers:
            - name: lb-1
              region: syd1
              project: main
              size_unit: 2
              algorithm: least_connections
              forwarding_rules: [{entry_protocol: https, entry_port: 443, target_protocol: http, target_port: 8080}]
              droplets: [web-1]
            - {name: lb-2, region: syd1}
          spaces_buckets:
            - {name: bucket-1, region: syd1, size: 300, project: main}
            - {name: bucket-2, region: syd1}
          databases: [{name: db-1, region: syd1, project: main}, {name: db-2}]
          k8s_clusters: [{name: k8s-1, region: syd1}]
          apps: [{name: app-1, project: side}]
        account:
          tax: {rate: 12.5%, description: GST (12.5%)}
          csv_columns: [product, description, start, end, USD, hours]
        drift_ignore:
          - {rule: batch, kind: droplet, name: "*-batch", tag: batch, field: tags, reason: "autoscaler: labels", expires: 2026-05-01T00:00:00Z}
          - {rule: sizes, name: node-?, field: size_slug, reason: resized by hand, expires: 2026-04-15T12:00:00Z}
        tenants:
          - {code: acme, name: Acme Pty Ltd, country: AU}
        deployments:
          - {code: acme-main, tenant: acme, name: "Acme #1", project: main}
        metering:
          droplet_hours: {granularity: hourly, retention_days: 90}
          dns_zones: {retention_days: 400}
          spaces_gb_month: {}
        pricebooks:
          - ../pricebooks/standard-2026.yaml
          - name: inline-2026-05
            effective_from: 2026-05-01
            prorate: false
            tax_rates: [{country: AU, label: GST, rate: 10%}, {country: NZ, label: GST, rate: 15.25%}]
            plans:
              - {code: starter, name: Starter, base_price: 35.00, items: [{billing_kind: droplet_hours, included: 744, overage: 0.015}]}
              - {code: bare, name: Bare, base_price: 0.50}
            addons:
              - {code: storage_50gb, name: Extra storage, monthly_price: 6.00, billing_kind: spaces_gb_month, included: 50.5}
              - {code: support, name: Support, monthly_price: 49.00}
        timeline:
          - at: 2026-04-01T00:00:00Z
            subscribe: {deployment: acme-main, plan: starter, addons: [storage_50gb]}
          - at: 2026-04-01T01:00:00Z
            create_project: {name: extra, description: scratch, environment: Development}
          - at: 2026-04-01T01:00:00Z
            create_droplet: {name: web-3, size: s-1vcpu-1gb, region: syd1, project: extra, tags: [web], status: off, provisioned: true}
          - at: 2026-04-01T02:00:00Z
            power_on_droplet: {name: web-3}
          - at: 2026-04-01T03:00:00Z
            power_off_droplet: {name: web-1}
          - at: 2026-04-01T04:00:00Z
            resize_droplet: {name: web-1, size: s-2vcpu-4gb}
          - at: 2026-04-01T05:00:00Z
            rename_droplet: {name: x-1, to: x-one}
          - at: 2026-04-01T06:00:00Z
            tag_droplet: {name: x-one, tags: ["true", batch]}
          - at: 2026-04-01T06:30:00Z
            untag_droplet: {name: x-one, tags: [batch]}
          - at: 2026-04-01T07:00:00Z
            create_domain: {name: example.org, project: extra, ttl: 60}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {domain: example.org, project: side}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {droplet: web-3, project: main}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {volume: vol-2, project: side}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {reserved_ip: ip-2, project: side}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {load_balancer: lb-2, project: side}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {spaces_bucket: bucket-2, project: side}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {database: db-2, project: side}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {k8s_cluster: k8s-1, project: side}
          - at: 2026-04-01T08:00:00Z
            move_to_project: {app: app-1, project: main}
          - at: 2026-04-01T09:00:00Z
            fault: {path: /v2/droplets, page: 2, status: 503, times: 3}
          - at: 2026-04-01T09:00:00Z
            fault: {path: /v2/domains}
          - at: 2026-04-01T09:00:00Z
            fault: {path: /v2/volumes, body: not_json, times: 2}
          - at: 2026-04-01T09:00:00Z
            fault: {path: /v2/droplets, page: 1, then: {destroy_droplet: {name: node-03}}}
          - at: 2026-04-01T09:00:00Z
            fault: {path: /v2/droplets, page: 1, then: {create_droplet: {name: shifty, size: s-1vcpu-1gb, region: syd1}}}
          - at: 2026-04-01T10:00:00Z
            set_invoice_csv_columns: {columns: [product, description, start, end, USD]}
          - at: 2026-04-01T10:00:00Z
            corrupt_invoice_csv: {period: 2026-03, how: missing_column, column: category}
          - at: 2026-04-01T10:00:00Z
            corrupt_invoice_csv: {period: 2026-03, how: bad_amount}
          - at: 2026-04-02T00:00:00Z
            reingest_invoice: {period: 2026-03}
          - at: 2026-04-02T01:00:00Z
            create_volume: {name: vol-3, size: 5, region: syd1, project: main, tags: [scratch]}
          - at: 2026-04-02T02:00:00Z
            attach_volume: {name: vol-3, droplet: web-3}
          - at: 2026-04-02T03:00:00Z
            detach_volume: {name: vol-3}
          - at: 2026-04-02T04:00:00Z
            delete_volume: {name: vol-3}
          - at: 2026-04-02T05:00:00Z
            reserve_ip: {name: ip-3, region: syd1, project: main}
          - at: 2026-04-02T06:00:00Z
            assign_ip: {name: ip-3, droplet: web-3}
          - at: 2026-04-02T07:00:00Z
            unassign_ip: {name: ip-3}
          - at: 2026-04-02T08:00:00Z
            release_ip: {name: ip-3}
          - at: 2026-04-02T09:00:00Z
            provision: {droplet: web-3, spec: {size_slug: s-1vcpu-1gb, vcpus: 1, weight: 1.5, backups: false, port: "8080", answer: "yes", tags: [web, 2], limits: {cpu: 2, name: "null"}}}
          - at: 2026-04-02T10:00:00Z
            accept_drift: {droplet: web-3, field: size_slug}
          - at: 2026-04-03T00:00:00Z
            meter_usage: {day: 2026-04-01}
          - at: 2026-04-03T00:07:13Z
            run_job: {job: sync.droplets}
          - at: 2026-04-03T01:00:00Z
            enable_backups: {name: web-1, policy: weekly, weekday: MON, hour: 4}
          - at: 2026-04-03T01:00:00Z
            enable_backups: {name: web-3, policy: daily, size_gb: 2.5}
          - at: 2026-04-03T02:00:00Z
            take_backup: {droplet: web-1, size_gb: 3.1, kept_until: 2026-04-03T05:41:00Z}
          - at: 2026-04-04T01:00:00Z
            disable_backups: {name: web-1}
          - at: 2026-04-04T02:00:00Z
            take_snapshot: {name: snap-1, droplet: web-1, size_gb: 12.34}
          - at: 2026-04-04T02:00:00Z
            take_snapshot: {name: snap-2, volume: vol-1}
          - at: 2026-04-04T03:00:00Z
            delete_snapshot: {name: snap-1}
          - at: 2026-04-04T04:00:00Z
            create_firewall: {name: fw-2, tags: [db], inbound: [{protocol: tcp, ports: "5432", tags: [web]}]}
          - at: 2026-04-04T05:00:00Z
            update_firewall: {name: fw-2, droplets: [], tags: [db, cache], outbound: [{protocol: tcp, addresses: [0.0.0.0/0]}]}
          - at: 2026-04-04T06:00:00Z
            delete_firewall: {name: fw-2}
          - at: 2026-04-04T07:00:00Z
            create_load_balancer: {name: lb-3, region: syd1, project: side, size_unit: 4}
          - at: 2026-04-04T08:00:00Z
            update_load_balancer: {name: lb-3, size_unit: 1, algorithm: round_robin, forwarding_rules: [{entry_protocol: tcp, entry_port: 22, target_protocol: tcp, target_port: 22}], droplets: []}
          - at: 2026-04-04T09:00:00Z
            delete_load_balancer: {name: lb-3}
          - at: 2026-04-04T10:00:00Z
            create_spaces_bucket: {name: bucket-3, region: syd1, size: 1000000, project: side}
          - at: 2026-04-04T11:00:00Z
            set_spaces_bucket_size: {name: bucket-3, size: 0}
          - at: 2026-04-04T12:00:00Z
            delete_spaces_bucket: {name: bucket-3}
          - at: 2026-04-04T13:00:00Z
            create_database: {name: db-3, region: syd1, project: side}
          - at: 2026-04-04T14:00:00Z
            delete_database: {name: db-3}
          - at: 2026-04-04T13:00:00Z
            create_k8s_cluster: {name: k8s-2}
          - at: 2026-04-04T14:00:00Z
            delete_k8s_cluster: {name: k8s-2}
          - at: 2026-04-04T13:00:00Z
            create_app: {name: app-2, region: syd1}
          - at: 2026-04-04T14:00:00Z
            delete_app: {name: app-2}
          - at: 2026-04-04T15:00:00Z
            create_domain_record: {domain: example.net, type: SRV, name: _sip._tcp, data: sip.example.net., priority: 1, port: 5060, ttl: 60, weight: 5}
          - at: 2026-04-04T15:00:00Z
            create_domain_record: {domain: example.net, type: CAA, name: "@", data: letsencrypt.org, flags: 128, tag: issuewild}
          - at: 2026-04-04T15:30:00Z
            update_domain_record: {domain: example.net, id: 900000001, data: "sip2.example.net.", port: 5061}
          - at: 2026-04-04T16:00:00Z
            delete_domain_record: {domain: example.net, id: 900000002}
          - at: 2026-04-04T16:00:00Z
            create_tag: {name: "env:prod"}
          - at: 2026-04-04T16:30:00Z
            delete_tag: {name: "env:prod"}
          - at: 2026-04-05T00:00:00Z
            destroy_droplet: {name: web-2}
          - at: 2026-04-05T00:00:00Z
            delete_domain: {name: example.net}
          - at: 2026-04-10T00:00:00Z
            change_subscription: {deployment: acme-main, addons: []}
          - at: 2026-04-20T00:00:00Z
            change_subscription: {deployment: acme-main, plan: bare, addons: [support]}
          - at: 2026-05-01T00:00:00Z
            end_subscription: {deployment: acme-main}
          - at: 2026-05-02T00:00:00Z
            rollup_invoices: {period: 2026-04, force: true}
          - at: 2026-05-02T00:00:00Z
            rollup_invoices: {period: 2026-04}
          - at: 2026-05-03T00:00:00Z
            invoice_paid: {tenant: acme, period: 2026-04}
          - at: 2026-05-04T00:00:00Z
            invoice_void: {tenant: acme, period: 2026-04}

        """
}
