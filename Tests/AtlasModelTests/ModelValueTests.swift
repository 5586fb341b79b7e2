import AtlasModel
import Testing

/// Model records share their fields between copies; they must still behave as values.
@Suite struct ModelValueTests {
    static func threshold(_ id: String) -> Threshold {
        Threshold(id: id, fraction: Rational(1, 3), citations: [])
    }

    @Test func changingACopyLeavesTheOriginalAlone() {
        let scope = Scope(labels: [], condition: .life(false), citations: [])
        let version = MechanismVersion(id: "v", validity: .always, decision: .discretionary, citations: [], scope: scope,
                                       thresholds: [Self.threshold("t1")])
        let original = Jurisdiction(id: "zz", names: [], legalFamily: "civil", legalFamilyCitations: [], sourceIDs: [],
                                    conditionSets: [], mechanisms: [ReleaseMechanism(id: "m", kind: "parole", labels: [],
                                                                                     versions: [version])],
                                    discrepancies: [], notStated: [], origin: nil)
        var copy = original
        copy.id = "zy"
        copy.mechanisms[0].versions[0].thresholds[0].fraction = Rational(1, 2)
        copy.mechanisms[0].versions[0].thresholds.append(Self.threshold("t2"))
        #expect(original.id == "zz")
        #expect(original.mechanisms[0].versions[0].thresholds.map(\.id) == ["t1"])
        #expect(original.mechanisms[0].versions[0].thresholds[0].fraction == Rational(1, 3))
        #expect(copy.id == "zy")
        #expect(copy.mechanisms[0].versions[0].thresholds.map(\.id) == ["t1", "t2"])
        #expect(copy.mechanisms[0].versions[0].thresholds[0].fraction == Rational(1, 2))
    }
}
