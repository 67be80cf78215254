"""DigitalOcean's own Python clients, untouched, against the fake served over TLS.

Usage: REQUESTS_CA_BUNDLE=<the fake's CA> python3 real_clients.py https://127.0.0.1:<port> <token>

Lists every collection both clients know (python-digitalocean follows `links.pages.next`
literally; pydo is asked for each page), reads a droplet's parts, then with each client creates
a droplet, powers it off, resizes it, snapshots it and deletes it, and prints one JSON object:
what each client saw, and every host name either client resolved (a request that left for
api.digitalocean.com would have to resolve it first). Any client error ends the run non-zero.
"""
import json
import os
import socket
import sys

base, token = sys.argv[1], sys.argv[2]
# python-digitalocean's documented endpoint setting: objects it makes itself (a Manager's droplets,
# its account) read it, not the Manager's `end_point`.
os.environ["DIGITALOCEAN_END_POINT"] = base + "/v2/"
for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(proxy, None)

resolved = []
_getaddrinfo = socket.getaddrinfo


def recording_getaddrinfo(host, *args, **kwargs):
    resolved.append(host if isinstance(host, str) else host.decode())
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = recording_getaddrinfo

import digitalocean  # noqa: E402  (after the patch, so every connection is seen)
import pydo  # noqa: E402

seen = {}

manager = digitalocean.Manager(token=token, end_point=base + "/v2/")
droplets = manager.get_all_droplets()
seen["do.droplets"] = len(droplets)
seen["do.droplet_names_unique"] = len({d.name for d in droplets})
seen["do.regions"] = sorted(r.slug for r in manager.get_all_regions())
seen["do.sizes"] = len(manager.get_all_sizes())
seen["do.images"] = len(manager.get_all_images())
seen["do.domains"] = [d.name for d in manager.get_all_domains()]
seen["do.tags"] = sorted(t.name for t in manager.get_all_tags())
seen["do.floating_ips"] = len(manager.get_all_floating_ips())
seen["do.load_balancers"] = len(manager.get_all_load_balancers())
seen["do.snapshots"] = len(manager.get_all_snapshots())
seen["do.volumes"] = [v.name for v in manager.get_all_volumes()]
seen["do.projects"] = [p.name for p in manager.get_all_projects()]
seen["do.firewalls"] = len(manager.get_all_firewalls())
seen["do.vpcs"] = len(manager.get_all_vpcs())
seen["do.account_status"] = manager.get_account().status
first = droplets[0]
seen["do.first_droplet_snapshots"] = len(first.get_snapshots())
seen["do.first_droplet_kernels"] = len(first.get_kernel_available())

client = pydo.Client(token, endpoint=base)
pages = []
page = 1
while True:
    listing = client.droplets.list(per_page=200, page=page)
    pages.append(len(listing["droplets"]))
    if "next" not in listing.get("links", {}).get("pages", {}):
        break
    page += 1
seen["pydo.droplet_pages"] = pages
seen["pydo.droplet_total"] = listing["meta"]["total"]
seen["pydo.account_status"] = client.account.get()["account"]["status"]
seen["pydo.regions"] = len(client.regions.list(per_page=200)["regions"])
seen["pydo.sizes"] = len(client.sizes.list(per_page=200)["sizes"])
seen["pydo.images"] = len(client.images.list(per_page=200)["images"])
seen["pydo.tags"] = [t["name"] for t in client.tags.list()["tags"]]
seen["pydo.volumes_named_nope"] = len(client.volumes.list(name="nope")["volumes"])
seen["pydo.droplets_named_nope"] = len(client.droplets.list(name="nope")["droplets"])
seen["pydo.vpcs"] = len(client.vpcs.list()["vpcs"])
seen["pydo.default_project"] = client.projects.get_default()["project"]["name"]
seen["pydo.domain_records"] = [r["type"] for r in client.domains.list_records("example.com")["domain_records"]]
droplet_id = pages and client.droplets.list(per_page=1)["droplets"][0]["id"]
seen["pydo.backup_policy_enabled"] = client.droplets.get_backup_policy(droplet_id)["policy"]["backup_enabled"]
seen["pydo.droplet_snapshots"] = len(client.droplets.list_snapshots(droplet_id)["snapshots"])
seen["pydo.droplet_firewalls"] = len(client.droplets.list_firewalls(droplet_id)["firewalls"])
seen["pydo.droplet_neighbors"] = len(client.droplets.list_neighbors(droplet_id)["droplets"])

# Writes, python-digitalocean: create, power off, resize, snapshot, delete.
made = digitalocean.Droplet(token=token, end_point=base + "/v2/", name="made-by-python-do", region="nyc3",
                            size_slug="s-1vcpu-1gb", image="ubuntu-24-04-x64")
made.create()
made.load()
seen["do.created_status"] = made.status
seen["do.power_off"] = made.power_off()["action"]["status"]
seen["do.resize"] = made.resize("s-2vcpu-2gb")["action"]["status"]
made.load()
seen["do.resized_size"] = made.size_slug
seen["do.snapshot"] = made.take_snapshot("made-by-python-do-snap")["action"]["type"]
made.load()
seen["do.snapshot_ids"] = len(made.snapshot_ids)
seen["do.destroyed"] = made.destroy()
seen["do.droplets_after"] = len(manager.get_all_droplets())

# Writes, pydo: the same flow, then what DO answers a create it refuses.
created = client.droplets.create(body={"name": "made-by-pydo", "region": "nyc3", "size": "s-1vcpu-1gb",
                                       "image": "ubuntu-24-04-x64", "tags": ["env:made"]})
made_id = created["droplet"]["id"]
seen["pydo.create_action"] = created["links"]["actions"][0]["rel"]
seen["pydo.power_off"] = client.droplet_actions.post(droplet_id=made_id, body={"type": "power_off"})["action"]["status"]
seen["pydo.resize"] = client.droplet_actions.post(droplet_id=made_id, body={"type": "resize", "size": "s-2vcpu-4gb"})["action"]["type"]
seen["pydo.resized_size"] = client.droplets.get(made_id)["droplet"]["size_slug"]
client.droplet_actions.post(droplet_id=made_id, body={"type": "snapshot", "name": "made-by-pydo-snap"})
seen["pydo.snapshots"] = [s["name"] for s in client.droplets.list_snapshots(made_id)["snapshots"]]
seen["pydo.actions"] = [a["type"] for a in client.droplet_actions.list(made_id)["actions"]]
client.droplets.destroy(made_id)
# pydo hands a 404's body back (its generated code accepts 200 and 404) rather than raising.
seen["pydo.after_delete"] = client.droplets.get(made_id).get("id")
try:
    client.droplets.create(body={"name": "bad", "region": "nyc3", "size": "s-99", "image": "ubuntu-24-04-x64"})
    seen["pydo.bad_size"] = 202
except Exception as error:  # azure-core's HttpResponseError
    seen["pydo.bad_size"] = [getattr(error, "status_code", None), error.response.json()["id"]]

seen["resolved_hosts"] = sorted(set(resolved))
print(json.dumps(seen, sort_keys=True))
