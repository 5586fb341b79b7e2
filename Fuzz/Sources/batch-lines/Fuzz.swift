import FuzzEntries

// The libFuzzer entry points of the batch-lines target; what it does with an input is FuzzTarget.batchLines (FuzzEntries).

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    FuzzTarget.batchLines.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.batchLines.run(UnsafeRawBufferPointer(start: data, count: size)).trapOnViolation()
    return 0
}
