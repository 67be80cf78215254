/// Records in a zone: created, updated and deleted the same way by the API
/// (`/v2/domains/{name}/records`) and by a scenario's `*_domain_record` actions.
extension FakeWorld {
    /// The new record's id.
    mutating func createDomainRecord(domain name: String, _ fields: DomainRecordFields) throws(FakeWorldError) -> Int {
        var domain = try liveDomain(name)
        let record = try fields.validated(in: domain)
        let id = lastDomainRecordID.map { $0 + 1 } ?? FakeDomainRecord.firstID
        bumpRevision()
        lastDomainRecordID = id
        domain.records.append(FakeDomainRecord(id: id, fields: record))
        domains[name] = domain
        return id
    }

    /// Sets the fields `update` gives; the record must still be valid for its (maybe new) type.
    mutating func updateDomainRecord(domain name: String, id: Int, _ update: DomainRecordFields) throws(FakeWorldError) {
        var domain = try liveDomain(name)
        let index = try recordIndex(id, in: domain)
        let record = try domain.records[index].fields.updated(by: update).validated(in: domain)
        bumpRevision()
        domain.records[index].fields = record
        domains[name] = domain
    }

    mutating func deleteDomainRecord(domain name: String, id: Int) throws(FakeWorldError) {
        var domain = try liveDomain(name)
        let index = try recordIndex(id, in: domain)
        bumpRevision()
        domain.records.remove(at: index)
        domains[name] = domain
    }

    private func liveDomain(_ name: String) throws(FakeWorldError) -> FakeDomain {
        guard let domain = domains[name] else { throw .unknown(.domain, name, departure: departures[.domain]?[name], field: "domain") }
        return domain
    }

    private func recordIndex(_ id: Int, in domain: FakeDomain) throws(FakeWorldError) -> Int {
        guard let index = domain.records.firstIndex(where: { $0.id == id }) else {
            throw FakeWorldError(.invalidArgument("domain '\(domain.name)' has no record \(id) (only records made after the zone can change)"),
                                 field: "id")
        }
        return index
    }
}
