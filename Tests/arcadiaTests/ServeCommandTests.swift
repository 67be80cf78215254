import ArcadiaCore
import ArcadiaServer
import ArgumentParser
import DigitalOcean
import Foundation
import GRDB
import MoneyAndTime
import Testing
import TestSupport
@testable import arcadia

@Suite(.timeLimit(.minutes(2))) struct ServeCommandTests {
    static let variable = "ARCADIA_JWT_SECRET"
    /// Long enough to be accepted; recognisable, so a leak is found by a plain search.
    static let secret = String(repeating: "serve-RECOGNISABLE-secret-", count: 3)

    static func ledgerPath() throws -> String {
        let path = try RepoPaths.temporaryDirectory().appendingPathComponent("served.sqlite").path
        _ = try Ledger(path: path)
        return path
    }

    static func service(_ environment: [String: String], ledgerPath: String? = nil, cors: [String] = []) async throws -> ArcadiaService {
        try await ServeCommand.service(ledgerPath: try ledgerPath ?? Self.ledgerPath(), secretVariable: variable, corsOrigins: cors,
                                       environment: environment, clock: .fixed(Timestamp(year: 2026, month: 5, day: 1)))
    }

    @Test func withoutASecretTheServiceDoesNotStart() async throws {
        for environment in [[:], [Self.variable: ""]] {
            do {
                _ = try await Self.service(environment)
                Issue.record("started without a secret")
            } catch let error as ValidationError {
                #expect(error.message.contains(Self.variable) && error.message.contains("no default secret"))
            }
        }
    }

    @Test func aShortSecretIsRefusedWithoutBeingEchoed() async throws {
        let short = "short-RECOGNISABLE"
        do {
            _ = try await Self.service([Self.variable: short])
            Issue.record("started with a 18-byte secret")
        } catch let error as ValidationError {
            #expect(error.message.contains("at least 64"))
            #expect(!error.message.contains(short))
        }
    }

    @Test func aMissingLedgerIsRefusedRatherThanCreated() async throws {
        let path = try RepoPaths.temporaryDirectory().appendingPathComponent("absent.sqlite").path
        await #expect(throws: InputError.self) { try await Self.service([Self.variable: Self.secret], ledgerPath: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theAudienceIsTheOptionsAndNotEmpty() async throws {
        let service = try await ServeCommand.service(ledgerPath: try Self.ledgerPath(), secretVariable: Self.variable, audience: "billing",
                                                     corsOrigins: [], environment: [Self.variable: Self.secret],
                                                     clock: .fixed(Timestamp(year: 2026, month: 5, day: 1)))
        #expect(service.verifier.audience == "billing")
        await #expect(throws: ValidationError.self) {
            try await ServeCommand.service(ledgerPath: try Self.ledgerPath(), secretVariable: Self.variable, audience: "", corsOrigins: [],
                                           environment: [Self.variable: Self.secret], clock: .fixed(Timestamp(year: 2026, month: 5, day: 1)))
        }
    }

    @Test func corsOriginsComeFromTheFlagAndTheEnvironment() async throws {
        let service = try await Self.service([Self.variable: Self.secret, ServeCommand.corsVariable: "https://b.example"],
                                             cors: ["https://a.example"])
        #expect(service.cors == .origins(["https://a.example", "https://b.example"]))
        await #expect(throws: ValidationError.self) { try await Self.service([Self.variable: Self.secret], cors: ["not an origin"]) }
        #expect(try await Self.service([Self.variable: Self.secret]).cors == .disabled)
    }

    @Test func scheduleCreatesAMissingLedgerWhichPlainServeRefuses() async throws {
        let path = try RepoPaths.temporaryDirectory().appendingPathComponent("new.sqlite").path
        await #expect(throws: InputError.self) { try await Self.service([Self.variable: Self.secret], ledgerPath: path) }
        let service = try await ServeCommand.service(ledgerPath: path, secretVariable: Self.variable, corsOrigins: [],
                                                     environment: [Self.variable: Self.secret], clock: .fixed(Timestamp(seconds: 0)),
                                                     createsLedger: true)
        #expect(Ledger.isLedgerFile(atPath: path))
        #expect(try service.ledger.rowCounts().contains { $0.table == "job_runs" })
    }

    @Test func scheduleOptionsAreCheckedTogether() throws {
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--db", "x", "--schedule"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--db", "x", "--speed", "60"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--db", "x", "--token-env", "T"]) }
        let command = try ServeCommand.parse(["--db", "x", "--schedule", "--token-env", "T", "--start", "2026-04-01T00:00:00Z", "--speed", "60"])
        let clock = try command.schedule.clock()
        #expect(clock.start == Timestamp(year: 2026, month: 4, day: 1) && clock.speed == 60)
        #expect(clock.now(at: clock.origin.addingTimeInterval(2.5)) == Timestamp(year: 2026, month: 4, day: 1, minute: 2, second: 30))
        #expect(throws: ValidationError.self) { try RunningClock.parse(start: "yesterday", speed: nil) }
        #expect(throws: ValidationError.self) { try RunningClock.parse(start: nil, speed: 0) }
    }

    @Test func theCommandParsesItsDefaults() throws {
        let command = try ServeCommand.parse(["--db", "x.sqlite"])
        #expect(command.host == "127.0.0.1" && command.port == 4005 && command.jwtSecretEnv == Self.variable && command.corsOrigin.isEmpty)
    }
}

@Suite struct ServeLedgerCheckTests {
    @Test func aSQLiteFileThatIsNotALedgerIsRefusedAndLeftUntouched() async throws {
        let directory = try RepoPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("other-app.sqlite").path
        try await DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        await #expect(throws: InputError.self) {
            _ = try await ServeCommand.service(ledgerPath: path, secretVariable: "S", corsOrigins: [],
                                               environment: ["S": ServeCommandTests.secret], clock: .fixed(Timestamp(seconds: 0)))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
