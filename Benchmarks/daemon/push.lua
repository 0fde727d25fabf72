-- wrk script: POST one sample to a push signal with the bearer token (WRK_TOKEN).
wrk.method = "POST"
wrk.body = '{"samples":[{"value":42}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("WRK_TOKEN") or "")
