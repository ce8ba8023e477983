// JSON-RPC 2.0 framing over byte streams: `Content-Length: N\r\n\r\n` + N
// bytes of JSON. Reading is tolerant (header names in any case, `\n` line
// ends, unknown headers such as Content-Type ignored, garbage skipped) and
// bounded: header lines keep at most a few KiB, a body is read as its bytes
// arrive (never allocated from the header's claim), and a body longer than
// kMaxMessageBytes is skipped by resynchronising on the next header, also when
// it is glued to the end of garbage. Writing is serialised by one mutex so
// any thread may send.
#pragma once

#include <istream>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace cairn::lsp {

// What one read produced.
struct IncomingMessage {
  enum class Kind : uint8_t {
    Message,    // `json` holds the parsed message
    ParseError, // a framed body that is not JSON: answer with a ParseError (id null)
    BadHeader,  // a header block without a usable Content-Length: skipped (`error` says why)
    Eof,        // the stream ended: stop reading
  };
  Kind kind = Kind::Eof;
  nlohmann::json json;
  std::string error; // for ParseError: what the JSON parser said
};

class Transport {
public:
  // Unties `in` from its output stream (std::cin is tied to std::cout):
  // the tie would flush `out` from the reading thread, outside the write
  // mutex, racing with the threads that send.
  Transport(std::istream &in, std::ostream &out) : in_(in), out_(out) { in_.tie(nullptr); }

  // Blocks for the next framed message. Headers without a usable
  // Content-Length are skipped up to the next header block.
  IncomingMessage read();

  // Frames and writes one message, then flushes; safe from any thread.
  void send(const nlohmann::json &message);

  // The longest body read (a 100 MB document fits, JSON-escaped).
  static constexpr long long kMaxMessageBytes = 128ll << 20;

private:
  static constexpr long long kMaxBodyBytes = kMaxMessageBytes;
  static constexpr long long kNoLength = -1; // readHeaders: no usable Content-Length
  static constexpr long long kTooLong = -2;  // readHeaders: a length over kMaxBodyBytes

  // One header line without its `\n` (only the tail of an overlong one);
  // false at the end of the stream.
  bool readHeaderLine(std::string &line);
  // `length` bytes, read in steps; nullopt when the stream ends first.
  std::optional<std::string> readBody(size_t length);
  // Reads one header block; nullopt at end of stream. Returns the body length,
  // or kNoLength / kTooLong.
  std::optional<long long> readHeaders();

  std::istream &in_;
  std::ostream &out_;
  std::mutex writeMutex_;
};

} // namespace cairn::lsp
