#!/usr/bin/env python3
"""Minimal loopback webhook receiver for the fan-out benchmark: answers every POST with 204, no logging.

Usage: bench_receiver.py -> binds 127.0.0.1:0, prints "PORT <n>", serves until killed.
"""
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Server(ThreadingHTTPServer):
    # Class attributes: listen() runs in the constructor, so setting them on the instance comes too late (the
    # backlog stayed 5 and a burst of connections waited for a 1 s SYN retransmit).
    daemon_threads = True
    request_queue_size = 128


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
