"""The production WSGI app plus one bench-only path, so the benchmark can make every gunicorn
worker run ``detect()`` on the shared deduce object (bench/anonimisering.py; never deployed).

POST /__bench__/detect with a text body: runs detect() and answers "<worker pid> <findings>".
Everything else goes to proeftuin.wsgi.application, which builds deduce at import as in
production.
"""

import os

from casussen.anonimisering import detect
from proeftuin.wsgi import application as django_application


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/__bench__/detect":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        text = environ["wsgi.input"].read(length).decode("utf-8")
        body = f"{os.getpid()} {len(detect(text))}".encode()
        headers = [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))]
        start_response("200 OK", headers)
        return [body]
    return django_application(environ, start_response)
