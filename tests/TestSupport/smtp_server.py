#!/usr/bin/python3
"""Loopback SMTP sink for tests (Debian python3-aiosmtpd 1.4.3).

Usage: /usr/bin/python3 smtp_server.py --port N --dir DIR [--exit-on-stdin-eof]

Every accepted message is written to DIR as its own .eml file (written under a
temporary name, then renamed, so readers never see a partial file). Two extra
headers are prepended: X-Envelope-From and X-Envelope-To (comma separated), so
tests can see envelope recipients such as Bcc.

RCPT TO local parts starting with "reject" get 550, with "tempfail" get 451.
Prints READY once listening; stops cleanly on SIGTERM/SIGINT (and on stdin EOF
with --exit-on-stdin-eof, so the server dies with the test process).
"""
import argparse
import os
import signal
import sys
import threading
import time
import uuid

from aiosmtpd.controller import Controller


class DirectoryHandler:
    def __init__(self, directory):
        self.directory = directory

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.rsplit("@", 1)[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 mailbox unavailable"
        if local.startswith("tempfail"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        headers = (
            f"X-Envelope-From: {envelope.mail_from}\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode("utf-8")
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex}"
        temp = os.path.join(self.directory, f".{name}.part")
        with open(temp, "wb") as f:
            f.write(headers + envelope.original_content)
        os.replace(temp, os.path.join(self.directory, f"{name}.eml"))
        return "250 2.0.0 message accepted"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    if args.exit_on_stdin_eof:
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()

    controller = Controller(
        DirectoryHandler(args.dir),
        hostname="127.0.0.1",
        port=args.port,
        enable_SMTPUTF8=True,
    )
    controller.start()
    print("READY", flush=True)
    try:
        stop.wait()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
