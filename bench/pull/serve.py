#!/usr/bin/env python3
"""The pull benchmark's loopback server: serves one file at any path with Range support, sent with sendfile.

    serve.py FILE PORT_FILE

Binds 127.0.0.1 on a free port, writes the port to PORT_FILE, and serves until killed. Python's own
http.server cannot answer Range requests, and a slow server would hide the difference being measured.
"""
import http.server
import os
import re
import sys

PATH = sys.argv[1]
SIZE = os.path.getsize(PATH)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        start = 0
        match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if match:
            start = int(match.group(1))
            if start >= SIZE:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{SIZE}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{SIZE - 1}/{SIZE}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(SIZE - start))
        self.send_header("ETag", '"bench"')
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        with open(PATH, "rb") as source:
            offset, left = start, SIZE - start
            while left > 0:
                sent = os.sendfile(self.connection.fileno(), source.fileno(), offset, left)
                if sent == 0:
                    break
                offset += sent
                left -= sent

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2], "w") as port_file:
    port_file.write(str(server.server_address[1]))
server.serve_forever()
