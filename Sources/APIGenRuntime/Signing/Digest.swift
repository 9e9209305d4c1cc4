import CCrypto

/// SHA-256, HMAC-SHA1 and HMAC-SHA256, all computed by libcrypto.
enum Digest {
    /// Returns the SHA-256 digest of `data`.
    static func sha256(_ data: some Collection<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = withBytes(of: data) { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, EVP_sha256(), nil)
        }
        // Signing cannot go on without the digest, so a libcrypto failure stops the process.
        precondition(status == 1, "libcrypto EVP_Digest(SHA-256) failed")
        return Array(output.prefix(Int(length)))
    }

    /// Returns HMAC-SHA1 of `data` under `key`.
    static func hmacSHA1(key: some Collection<UInt8>, data: some Collection<UInt8>) -> [UInt8] {
        hmac(EVP_sha1(), key: key, data: data)
    }

    /// Returns HMAC-SHA256 of `data` under `key`.
    static func hmacSHA256(key: some Collection<UInt8>, data: some Collection<UInt8>) -> [UInt8] {
        hmac(EVP_sha256(), key: key, data: data)
    }

    /// Returns the lower-case hexadecimal text of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func hmac(
        _ algorithm: OpaquePointer?,
        key: some Collection<UInt8>,
        data: some Collection<UInt8>
    ) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = withBytes(of: key) { keyBytes in
            withBytes(of: data) { dataBytes in
                HMAC(
                    algorithm, keyBytes.baseAddress, Int32(keyBytes.count),
                    dataBytes.baseAddress, dataBytes.count, &output, &length)
            }
        }
        precondition(result != nil, "libcrypto HMAC failed")
        return Array(output.prefix(Int(length)))
    }

    /// Calls `body` with a copy of `data` in a buffer whose base address is never nil, because
    /// libcrypto rejects a null input pointer in some builds even when the length is 0.
    private static func withBytes<Result>(
        of data: some Collection<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let copy = Array(data)
        if copy.isEmpty {
            return withUnsafePointer(to: UInt8(0)) { pointer in
                body(UnsafeBufferPointer(start: pointer, count: 0))
            }
        }
        return copy.withUnsafeBufferPointer(body)
    }
}
