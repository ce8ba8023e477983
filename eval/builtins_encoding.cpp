// base64Encode, base64Decode and sha256, written out: no crypto library.
#include <array>

#include <llvm/Support/ConvertUTF.h>

#include "eval/builtins_impl.h"

namespace cairn::eval {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64Encode(llvm::StringRef bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t n = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], '=', '='};
  } else if (rest == 2) {
    uint32_t n = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8;
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
  }
  return out;
}

int base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Standard alphabet; padding may be omitted but must be right if present.
bool base64Decode(llvm::StringRef text, std::string &out, std::string &error) {
  llvm::StringRef data = text;
  size_t padding = 0;
  while (data.endswith("=") && padding < 2) {
    data = data.drop_back();
    ++padding;
  }
  if ((padding && text.size() % 4 != 0) || data.size() % 4 == 1) {
    error = "the length is not valid for base64";
    return false;
  }
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    int digit = base64Digit(data[i]);
    if (digit < 0) {
      error = fmt::format("`{}` at offset {} is not a base64 character", data[i], i);
      return false;
    }
    buffer = (buffer << 6) | uint32_t(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += char((buffer >> bits) & 0xFF);
    }
  }
  return true;
}

// ---------------------------------------------------------------- SHA-256 (FIPS 180-4)

constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress(std::array<uint32_t, 8> &h, const uint8_t *block) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = uint32_t(block[4 * i]) << 24 | uint32_t(block[4 * i + 1]) << 16 | uint32_t(block[4 * i + 2]) << 8 |
           block[4 * i + 3];
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

std::string sha256Hex(llvm::StringRef bytes) {
  std::array<uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto *data = reinterpret_cast<const uint8_t *>(bytes.data());
  size_t full = bytes.size() / 64 * 64;
  for (size_t i = 0; i < full; i += 64)
    compress(h, data + i);
  // The tail, a 1 bit, zeros, and the length in bits: one or two more blocks.
  uint8_t tail[128] = {};
  size_t rest = bytes.size() - full;
  std::copy(data + full, data + bytes.size(), tail);
  tail[rest] = 0x80;
  size_t tailSize = rest + 9 <= 64 ? 64 : 128;
  uint64_t bitLength = uint64_t(bytes.size()) * 8;
  for (int i = 0; i < 8; ++i)
    tail[tailSize - 1 - i] = uint8_t(bitLength >> (8 * i));
  for (size_t i = 0; i < tailSize; i += 64)
    compress(h, tail + i);
  std::string hex;
  for (uint32_t word : h)
    hex += fmt::format("{:08x}", word);
  return hex;
}

} // namespace

Value encodingBuiltin(BuiltinCall &call) {
  using types::BuiltinId;
  llvm::StringRef text = call.string(0);
  switch (call.id) {
  case BuiltinId::Base64Encode:
    call.ev.checkStringSize((text.size() + 2) / 3 * 4, call.span);
    return call.text(base64Encode(text));
  case BuiltinId::Base64Decode: {
    std::string out, error;
    if (!base64Decode(text, out, error))
      call.fail(error);
    const auto *begin = reinterpret_cast<const llvm::UTF8 *>(out.data());
    if (!llvm::isLegalUTF8String(&begin, begin + out.size()))
      call.fail("the decoded bytes are not UTF-8 text");
    return call.text(out);
  }
  case BuiltinId::Sha256: return call.text(sha256Hex(text));
  default: call.fail("not an encoding builtin");
  }
}

} // namespace cairn::eval
