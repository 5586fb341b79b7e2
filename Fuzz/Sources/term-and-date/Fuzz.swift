import FuzzEntries

// The libFuzzer entry points of the term-and-date target; what it does with an input is FuzzTarget.termAndDate (FuzzEntries).

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzTarget.termAndDate.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.termAndDate.run(UnsafeRawBufferPointer(start: data, count: size)).trapOnViolation()
    return 0
}
