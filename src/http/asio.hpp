#pragma once
// The Boost.Asio / Boost.Beast headers the HTTP server needs, in an order that compiles with
// Debian 12's Boost 1.74 and GCC 12. Only the server's own .cpp files include this; everything
// else sees http/message.hpp and http/server.hpp, which never mention Beast.
//
// Boost 1.74 quirks (see docs/DESIGN "Verified on Debian 12"):
// - boost/asio/awaitable.hpp uses std::exchange without including <utility>: include it first.
// - net::experimental::as_tuple does not exist yet: use net::redirect_error(net::use_awaitable,
//   ec) to receive errors as values instead of exceptions.
// - GCC 12 reports -Wmismatched-new-delete wherever it inlines an awaitable frame's class
//   operator new/delete (Asio's recycling allocator calls ::operator new inside the class
//   operator new): a false positive, reported at the end of *our* coroutines, so it is silenced
//   for the rest of every file that includes this one rather than around the includes.

#include <utility>  // must precede boost/asio/awaitable.hpp

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace careops::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;  // not `http`: that is our own namespace
using tcp = boost::asio::ip::tcp;

}  // namespace careops::http
