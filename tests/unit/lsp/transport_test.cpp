// The framing of JSON-RPC messages: what real clients send (and what broken
// ones send) is read, answered or skipped, never a crash.
#include <sstream>

#include <gtest/gtest.h>

#include "lsp/transport.h"

namespace cairn::lsp {
namespace {

using Kind = IncomingMessage::Kind;

std::string frame(const std::string &body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST(Transport, ReadsFramedMessagesInOrder) {
  std::istringstream in(frame(R"({"id":1,"method":"a"})") + frame(R"({"method":"b"})"));
  std::ostringstream out;
  Transport transport(in, out);
  IncomingMessage first = transport.read();
  ASSERT_EQ(first.kind, Kind::Message);
  EXPECT_EQ(first.json["method"], "a");
  IncomingMessage second = transport.read();
  ASSERT_EQ(second.kind, Kind::Message);
  EXPECT_EQ(second.json["method"], "b");
  EXPECT_EQ(transport.read().kind, Kind::Eof);
}

TEST(Transport, AcceptsContentTypeLowercaseNamesAndBareNewlines) {
  std::string body = R"({"method":"x"})";
  std::istringstream in("content-type: application/vscode-jsonrpc; charset=utf-8\n"
                        "CONTENT-LENGTH:   " + std::to_string(body.size()) + "\n\n" + body);
  std::ostringstream out;
  Transport transport(in, out);
  IncomingMessage message = transport.read();
  ASSERT_EQ(message.kind, Kind::Message);
  EXPECT_EQ(message.json["method"], "x");
}

TEST(Transport, MalformedJsonIsAParseErrorAndReadingGoesOn) {
  std::istringstream in(frame("{\"method\": ") + frame(R"({"method":"next"})"));
  std::ostringstream out;
  Transport transport(in, out);
  IncomingMessage bad = transport.read();
  EXPECT_EQ(bad.kind, Kind::ParseError);
  EXPECT_FALSE(bad.error.empty());
  IncomingMessage next = transport.read();
  ASSERT_EQ(next.kind, Kind::Message);
  EXPECT_EQ(next.json["method"], "next");
}

TEST(Transport, HeaderBlocksWithoutAUsableLengthAreSkipped) {
  std::istringstream in("Content-Length: twelve\r\n\r\n" "X-Other: 1\r\n\r\n" "Content-Length: -5\r\n\r\n" +
                        frame(R"({"method":"ok"})"));
  std::ostringstream out;
  Transport transport(in, out);
  for (int skipped = 0; skipped < 3; ++skipped)
    EXPECT_EQ(transport.read().kind, Kind::BadHeader) << "each skipped block is reported, for the log";
  IncomingMessage message = transport.read();
  ASSERT_EQ(message.kind, Kind::Message);
  EXPECT_EQ(message.json["method"], "ok");
}

TEST(Transport, TruncatedBodyAndEmptyInputEndTheStream) {
  std::istringstream truncated("Content-Length: 100\r\n\r\n{\"method\"");
  std::ostringstream out;
  EXPECT_EQ(Transport(truncated, out).read().kind, Kind::Eof);
  std::istringstream empty("");
  EXPECT_EQ(Transport(empty, out).read().kind, Kind::Eof);
}

TEST(Transport, HugeLengthsAreNotAllocated) {
  std::istringstream in("Content-Length: 99999999999999\r\n\r\n" + frame(R"({"method":"after"})"));
  std::ostringstream out;
  Transport transport(in, out);
  EXPECT_EQ(transport.read().kind, Kind::BadHeader);
  IncomingMessage message = transport.read();
  ASSERT_EQ(message.kind, Kind::Message);
  EXPECT_EQ(message.json["method"], "after");
}

TEST(Transport, AHeaderGluedToTheEndOfGarbageIsFound) {
  // A header block without a length, then its body (no newline), then the
  // next message: the next header is found at the end of the body's line.
  std::istringstream in("X-Other: 1\r\n\r\n{\"method\":\"lost\"}" + frame(R"({"method":"next"})") +
                        frame(R"({"method":"last"})"));
  std::ostringstream out;
  Transport transport(in, out);
  EXPECT_EQ(transport.read().kind, Kind::BadHeader);
  IncomingMessage next = transport.read();
  ASSERT_EQ(next.kind, Kind::Message);
  EXPECT_EQ(next.json["method"], "next");
  IncomingMessage last = transport.read();
  ASSERT_EQ(last.kind, Kind::Message);
  EXPECT_EQ(last.json["method"], "last");
}

TEST(Transport, AWrongLengthCostsOneMessageThenReadingResynchronises) {
  // The first length is too long: its body swallows the start of the next
  // message, whose remains are a bad header block, then garbage glued to the
  // third message's header.
  std::string first = R"({"method":"first"})";
  std::istringstream in("Content-Length: " + std::to_string(first.size() + 10) + "\r\n\r\n" + first +
                        frame(R"({"method":"second"})") + frame(R"({"method":"third"})"));
  std::ostringstream out;
  Transport transport(in, out);
  EXPECT_EQ(transport.read().kind, Kind::ParseError);
  EXPECT_EQ(transport.read().kind, Kind::BadHeader);
  IncomingMessage third = transport.read();
  ASSERT_EQ(third.kind, Kind::Message);
  EXPECT_EQ(third.json["method"], "third");
}

TEST(Transport, AnEndlessGarbageLineIsSkippedUpToTheNextHeader) {
  std::string garbage(5 << 20, 'x'); // 5 MiB without a newline: never held whole
  std::istringstream in(garbage + frame(R"({"method":"after"})"));
  std::ostringstream out;
  Transport transport(in, out);
  IncomingMessage message = transport.read();
  ASSERT_EQ(message.kind, Kind::Message);
  EXPECT_EQ(message.json["method"], "after");
}

TEST(Transport, ALengthOverTheLimitIsSkippedAndSaysTheLimit) {
  std::istringstream in("Content-Length: " + std::to_string(Transport::kMaxMessageBytes + 1) + "\r\n\r\n" +
                        frame(R"({"method":"after"})"));
  std::ostringstream out;
  Transport transport(in, out);
  IncomingMessage skipped = transport.read();
  EXPECT_EQ(skipped.kind, Kind::BadHeader);
  EXPECT_NE(skipped.error.find("128 MiB"), std::string::npos) << skipped.error;
  IncomingMessage message = transport.read();
  ASSERT_EQ(message.kind, Kind::Message);
  EXPECT_EQ(message.json["method"], "after");
}

TEST(Transport, ALargeClaimWithAShortBodyEndsTheStream) {
  // 100 MB announced (under the limit), a few bytes sent: the stream ends inside the body.
  std::istringstream in("Content-Length: 100000000\r\n\r\n{\"method\":\"x\"}");
  std::ostringstream out;
  EXPECT_EQ(Transport(in, out).read().kind, Kind::Eof);
}

TEST(Transport, ABodyOfSeveralReadStepsArrivesWhole) {
  std::string text(3 << 20, 'a');
  text[12345] = 'b';
  std::istringstream in(frame(nlohmann::json{{"method", "big"}, {"text", text}}.dump()));
  std::ostringstream out;
  IncomingMessage message = Transport(in, out).read();
  ASSERT_EQ(message.kind, Kind::Message);
  EXPECT_EQ(message.json["text"], text);
}

TEST(Transport, DeeplyNestedJsonIsAParseError) {
  std::string deep = "{\"method\":\"x\",\"params\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  std::istringstream in(frame(deep) + frame(R"({"method":"after"})"));
  std::ostringstream out;
  Transport transport(in, out);
  IncomingMessage bad = transport.read();
  EXPECT_EQ(bad.kind, Kind::ParseError);
  EXPECT_NE(bad.error.find("deeper than"), std::string::npos) << bad.error;
  EXPECT_EQ(transport.read().json["method"], "after");
}

TEST(Transport, ParseErrorsDoNotQuoteTheMessage) {
  // The body is the editor's text; the error goes to the log.
  std::istringstream in(frame(R"({"params":{"text":"password=hunter2 x)"));
  std::ostringstream out;
  IncomingMessage bad = Transport(in, out).read();
  EXPECT_EQ(bad.kind, Kind::ParseError);
  EXPECT_FALSE(bad.error.empty());
  EXPECT_EQ(bad.error.find("hunter2"), std::string::npos) << bad.error;
}

TEST(Transport, SendFramesWithTheByteLength) {
  std::istringstream in;
  std::ostringstream out;
  Transport transport(in, out);
  transport.send({{"text", "é"}});
  std::string body = R"({"text":"é"})";
  EXPECT_EQ(out.str(), "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

TEST(Transport, SendReplacesInvalidUtf8InsteadOfThrowing) {
  std::istringstream in;
  std::ostringstream out;
  Transport transport(in, out);
  EXPECT_NO_THROW(transport.send({{"text", std::string("a\xff" "b")}}));
  EXPECT_NE(out.str().find("a\xEF\xBF\xBD" "b"), std::string::npos);
}

} // namespace
} // namespace cairn::lsp
