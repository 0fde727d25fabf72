#!/usr/bin/env python3
"""A local HTTP server for the Signals tests: good JSON, and on purpose garbage, HTML error pages and timeouts.

Usage: signal_server.py PORT DIRECTORY
Binds 127.0.0.1 only. Routes:
  /json           {"data": {"load": <value of DIRECTORY/load or 42.5>, "status": "OL"}, "list": [1, 2, 3]}
  /json-nan       {"value": NaN}            (a JSON5 literal some servers emit)
  /json-string    {"value": "17.25"}
  /json-text      {"value": "n/a"}
  /garbage        random-looking bytes that are neither JSON nor a number
  /html-error     HTTP 502 with an HTML error page, as a proxy would send
  /html-ok        HTTP 200 with an HTML page
  /status-500     HTTP 500 with a plain-text body
  /slow           sleeps 30 s before answering (a timeout)
  /needs-token    200 with {"value": 7} only when Authorization is "Bearer " + DIRECTORY/token, else 401
  /metrics        the file DIRECTORY/metrics (Prometheus text format) for a Prometheus server to scrape
"""
import http.server
import json
import os
import socketserver
import sys
import time

PORT = int(sys.argv[1])
DIRECTORY = sys.argv[2]


def read(name, default):
    try:
        with open(os.path.join(DIRECTORY, name), encoding="utf-8") as handle:
            return handle.read().strip()
    except OSError:
        return default


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send(self, status, body, content_type="application/json"):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/json":
            load = float(read("load", "42.5"))
            self.send(200, json.dumps({"data": {"load": load, "status": "OL"}, "list": [1, 2, 3]}))
        elif path == "/json-nan":
            self.send(200, '{"value": NaN}')
        elif path == "/json-string":
            self.send(200, '{"value": "17.25"}')
        elif path == "/json-text":
            self.send(200, '{"value": "n/a"}')
        elif path == "/garbage":
            self.send(200, b"\x00\x17garbage%%{not json", "application/octet-stream")
        elif path == "/html-error":
            page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>" \
                   "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
            self.send(502, page, "text/html")
        elif path == "/html-ok":
            self.send(200, "<html><body><h1>Welcome</h1></body></html>", "text/html")
        elif path == "/status-500":
            self.send(500, "internal error", "text/plain")
        elif path == "/slow":
            time.sleep(30)
            self.send(200, '{"value": 1}')
        elif path == "/needs-token":
            if self.headers.get("Authorization") == "Bearer " + read("token", "\x00"):
                self.send(200, '{"value": 7}')
            else:
                self.send(401, '{"error": "unauthorized"}')
        elif path == "/metrics":
            self.send(200, read("metrics", "") + "\n", "text/plain; version=0.0.4")
        else:
            self.send(404, '{"error": "not found"}')

    def log_message(self, format, *args):
        sys.stderr.write("%s\n" % (format % args))


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", PORT), Handler).serve_forever()
