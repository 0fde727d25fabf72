#!/usr/bin/env python3
"""Webhook receiver for forewarn's multi-instance tests: logs who sent what, and when.

Usage: instance_receiver.py LOGFILE -> binds 127.0.0.1:0, prints "PORT <n>", serves until killed.
Every POST is answered 200 and appended to LOGFILE as one JSON line:
{"id": webhook-id, "instance": forewarn-instance header, "step": data.step of the envelope,
 "start": when the request line arrived, "end": after the reply was written} (seconds, time.monotonic()).
A few milliseconds of random delay widen each request's interval, so overlapping attempts would show.
"""
import json
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = open(sys.argv[1], "a", buffering=1)
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        start = time.monotonic()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            step = json.loads(body)["data"]["step"]
        except (ValueError, KeyError, TypeError):
            step = None
        time.sleep(random.uniform(0, 0.004))
        try:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        entry = {"id": self.headers.get("webhook-id", ""), "instance": self.headers.get("forewarn-instance", ""),
                 "step": step, "start": start, "end": time.monotonic()}
        with LOCK:
            LOG.write(json.dumps(entry) + "\n")


class Server(ThreadingHTTPServer):
    # Class attributes: listen() runs in the constructor, so setting them on the instance comes too late.
    daemon_threads = True
    request_queue_size = 256


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
