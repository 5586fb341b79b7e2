import FuzzEntries

// The libFuzzer entry points of the corpus-document target; what it does with an input is FuzzTarget.corpusDocument (FuzzEntries).

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzTarget.corpusDocument.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.corpusDocument.run(UnsafeRawBufferPointer(start: data, count: size)).trapOnViolation()
    return 0
}
