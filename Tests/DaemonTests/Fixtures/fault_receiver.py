#!/usr/bin/env python3
"""Webhook receiver for forewarn's delivery tests: verifies Standard Webhooks signatures, injects faults.

Usage: fault_receiver.py SECRET LOGFILE -> binds 127.0.0.1:0, prints "PORT <n>", serves until killed.
Every request is appended to LOGFILE as one JSON line: {"path", "id", "timestamp", "signature_ok",
"body_sha256", "body", "attempt"} where attempt counts requests seen for that webhook-id (from 1).
GET requests (delivery reports) are logged with their path and answered 200.
Routes (POST):
  /ok                 200
  /status/N           N
  /flaky/N/STATUS     STATUS for the first N attempts of an id (with Retry-After: 1 on 429/503), then 200
  /slow/S             sleeps S seconds, then 200
  /drip/S             sends headers, then the body slowly over S seconds
"""
import base64
import hashlib
import hmac
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = base64.b64decode(sys.argv[1].split("_", 1)[1])
LOG = sys.argv[2]
LOCK = threading.Lock()
SEEN = {}


def verify(msg_id, timestamp, body, header):
    content = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(SECRET, content, hashlib.sha256).digest()).decode()
    for part in header.split(" "):
        if part.startswith("v1,") and hmac.compare_digest(part[3:], expected):
            return True
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def reply(self, status, extra=()):
        body = b"status %d" % status
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with LOCK:
            entry = {"path": self.path, "id": "", "timestamp": "", "signature_ok": False, "body_sha256": "",
                     "body": "", "attempt": 0}
            with open(LOG, "a") as log:
                log.write(json.dumps(entry) + "\n")
        self.reply(200)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        msg_id = self.headers.get("webhook-id", "")
        with LOCK:
            SEEN[msg_id] = SEEN.get(msg_id, 0) + 1
            attempt = SEEN[msg_id]
            entry = {
                "path": self.path, "id": msg_id, "timestamp": self.headers.get("webhook-timestamp", ""),
                "signature_ok": verify(msg_id, self.headers.get("webhook-timestamp", ""), body,
                                       self.headers.get("webhook-signature", "")),
                "body_sha256": hashlib.sha256(body).hexdigest(), "body": body.decode("utf-8", "replace"),
                "attempt": attempt,
            }
            with open(LOG, "a") as log:
                log.write(json.dumps(entry) + "\n")
        parts = self.path.split("/")
        if self.path == "/ok":
            self.reply(200)
        elif parts[1] == "status":
            self.reply(int(parts[2]))
        elif parts[1] == "flaky":
            failures, status = int(parts[2]), int(parts[3])
            if attempt <= failures:
                self.reply(status, [("Retry-After", "1")] if status in (429, 503) else [])
            else:
                self.reply(200)
        elif parts[1] == "slow":
            time.sleep(float(parts[2]))
            self.reply(200)
        elif parts[1] == "drip":
            self.send_response(200)
            self.send_header("Content-Length", "10")
            self.end_headers()
            for _ in range(10):
                time.sleep(float(parts[2]) / 10)
                self.wfile.write(b"x")
                self.wfile.flush()
        else:
            self.reply(404)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
