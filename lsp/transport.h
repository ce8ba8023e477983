// JSON-RPC 2.0 framing over byte streams: `Content-Length: N\r\n\r\n` + N
// bytes of JSON. Reading is tolerant (header names in any case, `\n` line
// ends, unknown headers such as Content-Type ignored, garbage skipped);
// writing is serialised by one mutex so any thread may send.
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

private:
  // Reads one header block; nullopt at end of stream. Returns the body length
  // (or -1 when the block had no valid Content-Length).
  std::optional<long long> readHeaders();

  std::istream &in_;
  std::ostream &out_;
  std::mutex writeMutex_;
};

} // namespace cairn::lsp
