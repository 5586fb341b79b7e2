import FuzzEntries

// The libFuzzer entry points of the case-file target; what it does with an input is FuzzTarget.caseFile (FuzzEntries).

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzTarget.caseFile.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.caseFile.run(UnsafeRawBufferPointer(start: data, count: size)).trapOnViolation()
    return 0
}
