#!/usr/bin/env python3
"""Loopback HTTP server for the HTTPTransport tests (forewarn).

Usage: test_server.py [CERT KEY]  -> binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout, serves until
killed; with a PEM certificate and key, serves HTTPS.
Routes:
  /echo          200, JSON {"method", "path", "headers": {lowercased name: value}, "body": <latin-1 string>}
                 and a response header "x-echo-length: <request body length>"
  /status/N      answers status N with body "status N"
  /sleep/S       sleeps S seconds (float) then answers 200 "slept"
  /bytes/N       200 with N bytes of "x" (Content-Length set)
  /stream/N      200 with N bytes of "x", chunked (no Content-Length)
"""
import json
import ssl
import sys
import time
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

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status, body, extra=()):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        body = self._body()
        parts = self.path.split("/")
        if self.path == "/echo":
            doc = {
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("latin-1"),
            }
            out = json.dumps(doc).encode()
            self._send(200, out, [("Content-Type", "application/json"), ("X-Echo-Length", str(len(body)))])
        elif len(parts) == 3 and parts[1] == "status":
            code = int(parts[2])
            self._send(code, ("status %d" % code).encode())
        elif len(parts) == 3 and parts[1] == "sleep":
            time.sleep(float(parts[2]))
            self._send(200, b"slept")
        elif len(parts) == 3 and parts[1] == "bytes":
            self._send(200, b"x" * int(parts[2]))
        elif len(parts) == 3 and parts[1] == "stream":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            remaining = int(parts[2])
            while remaining > 0:
                n = min(remaining, 4096)
                self.wfile.write(b"%x\r\n" % n + b"x" * n + b"\r\n")
                remaining -= n
            self.wfile.write(b"0\r\n\r\n")
        else:
            self._send(404, b"no such route")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if len(sys.argv) == 3:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
