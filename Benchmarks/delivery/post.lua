-- wrk script: POST a body shaped like a forewarn webhook envelope (about 230 bytes).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"data":{"id":"msg_0123456789abcdefghijklmn","step":"12345","text":"notice 12345","to":"http://127.0.0.1/ok"},"timestamp":"2026-11-23T05:00:00Z","type":"notice.issued"}'
