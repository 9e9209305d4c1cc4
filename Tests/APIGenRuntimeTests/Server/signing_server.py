"""A loopback HTTP server for the client tests that checks signatures independently.

It listens on 127.0.0.1 on a free port, prints "PORT <n>" on one line of stdout, and then
serves until stdin reaches end of file (the test process closed it or exited), it receives
SIGTERM, or --lifetime seconds pass. Each request's signature is checked with Python's own
hmac and hashlib, V2 or V3 by the presence of an Authorization header, and each request is
recorded: GET /__records returns them as JSON.

The first label of the DomainName parameter picks the response:
  ok         the vendor's sample success body, XML or JSON as requested
  badpassword  400 InvalidDomainPassword.Malformed      notfound  404 InvalidDomain.NotFound
  code200    200 with an InvalidDomainPassword.Malformed error body
  sniff      400 error body without a Content-Type      empty500  500 with an empty body
  html502    502 with an HTML page                      echo500   500 echoing the request body
  slow       waits 3 seconds, then succeeds             huge      200 with a 2 MiB body
  redirect   307 to /elsewhere
  throttled200  200 with the action's root, "Success": false and Code Throttling.User
  failed200  200 with the action's root and "Success": false but no Code
  error200   200 with an <Error> XML body and Code Throttling.User, whatever the format
  otherroot200  200 with the root <OtherActionResponse> in XML, the sample body in JSON
A request whose signature does not verify gets 400 SignatureDoesNotMatch, the vendor's code.

Logs go to stderr and never contain a query, a body or a header value.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REQUEST_ID = "02B2A890-CBD8-4806-9BCA-C93190CE7EF6"
SUCCESS_XML = (
    "<ModifyPWByDomainResponse><RequestId>" + REQUEST_ID + "</RequestId><Code>OK</Code>"
    "<Message>xxx</Message><Success>true</Success></ModifyPWByDomainResponse>"
)
SUCCESS_JSON = (
    '{"Message":"xxx","RequestId":"' + REQUEST_ID + '","Success":"true","Code":"OK"}'
)
ERRORS = {
    "badpassword": (400, "InvalidDomainPassword.Malformed", "The specified domain name is already in use."),
    "notfound": (404, "InvalidDomain.NotFound", "The specified domain does not exist."),
    "code200": (200, "InvalidDomainPassword.Malformed", "The specified domain name is already in use."),
    "sniff": (400, "InvalidDomainName.Malformed", "The specified domain name is invalid."),
}


def percent_encode(text):
    """RFC 3986 encoding with only A-Z a-z 0-9 - _ . ~ kept, as the vendor signs it."""
    return urllib.parse.quote(text, safe="-_.~")


def canonical_query(pairs):
    encoded = [(percent_encode(name), percent_encode(value)) for name, value in pairs]
    encoded.sort(key=lambda pair: pair[0].encode())
    return "&".join(name + "=" + value for name, value in encoded)


class Verifier:
    def __init__(self, access_key_id, access_key_secret, security_token):
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret
        self.security_token = security_token
        self.nonces = set()
        self.lock = threading.Lock()

    def use_nonce(self, nonce):
        with self.lock:
            if nonce in self.nonces:
                raise ValueError("the nonce was used before")
            self.nonces.add(nonce)

    def verify_v2(self, method, pairs):
        """Returns the parameters when the V2 signature matches, or raises ValueError."""
        params = dict(pairs)
        if len(params) != len(pairs):
            raise ValueError("a parameter is repeated")
        signature = params.pop("Signature", None)
        if signature is None:
            raise ValueError("the Signature parameter is missing")
        required = ["Action", "Format", "Version", "AccessKeyId", "SignatureMethod", "Timestamp",
                    "SignatureVersion", "SignatureNonce", "RegionId"]
        for name in required:
            if not params.get(name):
                raise ValueError("the common parameter " + name + " is missing")
        if params["AccessKeyId"] != self.access_key_id:
            raise ValueError("the AccessKeyId is not the expected one")
        if params["SignatureMethod"] != "HMAC-SHA1" or params["SignatureVersion"] != "1.0":
            raise ValueError("the signature method is not HMAC-SHA1 version 1.0")
        if params["Format"] not in ("JSON", "XML"):
            raise ValueError("the Format is neither JSON nor XML")
        time.strptime(params["Timestamp"], "%Y-%m-%dT%H:%M:%SZ")
        if params.get("SecurityToken") != self.security_token:
            raise ValueError("the SecurityToken is not the expected one")
        string_to_sign = method + "&%2F&" + percent_encode(canonical_query(params.items()))
        key = (self.access_key_secret + "&").encode()
        expected = base64.b64encode(hmac.new(key, string_to_sign.encode(), hashlib.sha1).digest())
        if not hmac.compare_digest(expected.decode(), signature):
            raise ValueError("the V2 signature does not match")
        self.use_nonce(params["SignatureNonce"])
        return params

    def verify_v3(self, method, path, query_pairs, headers, body):
        """Returns the parameters when the V3 signature matches, or raises ValueError."""
        authorization = headers.get("authorization", "")
        prefix = "ACS3-HMAC-SHA256 "
        if not authorization.startswith(prefix):
            raise ValueError("the Authorization header is not ACS3-HMAC-SHA256")
        fields = dict(part.split("=", 1) for part in authorization[len(prefix):].split(","))
        if fields.get("Credential") != self.access_key_id:
            raise ValueError("the Credential is not the expected access key ID")
        signed = fields.get("SignedHeaders", "").split(";")
        required = ["host", "x-acs-action", "x-acs-version", "x-acs-date",
                    "x-acs-signature-nonce", "x-acs-content-sha256"]
        if self.security_token is not None:
            required.append("x-acs-security-token")
        for name in required:
            if name not in signed:
                raise ValueError("the header " + name + " is not signed")
        if signed != sorted(signed):
            raise ValueError("SignedHeaders is not sorted")

        if headers.get("x-acs-security-token") != self.security_token:
            raise ValueError("the security token is not the expected one")
        time.strptime(headers["x-acs-date"], "%Y-%m-%dT%H:%M:%SZ")
        hashed_payload = hashlib.sha256(body).hexdigest()
        if headers["x-acs-content-sha256"] != hashed_payload:
            raise ValueError("x-acs-content-sha256 is not the SHA-256 of the body")

        canonical_headers = "".join(name + ":" + headers.get(name, "").strip() + "\n" for name in signed)
        canonical_request = "\n".join([
            method, path, canonical_query(query_pairs), canonical_headers, ";".join(signed),
            hashed_payload,
        ])
        string_to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical_request.encode()).hexdigest()
        expected = hmac.new(self.access_key_secret.encode(), string_to_sign.encode(), hashlib.sha256)
        if not hmac.compare_digest(expected.hexdigest(), fields.get("Signature", "")):
            raise ValueError("the V3 signature does not match")
        self.use_nonce(headers["x-acs-signature-nonce"])

        params = dict(query_pairs)
        if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            params.update(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))
        params["Action"] = headers["x-acs-action"]
        params["Version"] = headers["x-acs-version"]
        return params


def make_handler(verifier, records, records_lock):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            # The default line has the full URL, which contains every parameter of a GET.
            path = self.path.split("?", 1)[0]
            sys.stderr.write("signing_server: %s %s\n" % (self.command, path))

        def do_GET(self):
            self.handle_request()

        def do_POST(self):
            self.handle_request()

        def send(self, status, body, content_type, extra_headers=()):
            data = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            if content_type is not None:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-acs-request-id", REQUEST_ID)
            for name, value in extra_headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def handle_request(self):
            path, _, query = self.path.partition("?")
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if path == "/__records":
                with records_lock:
                    self.send(200, json.dumps(records), "application/json")
                return
            headers = {name.lower(): value for name, value in self.headers.items()}
            query_pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
            record = {
                "method": self.command, "path": path, "query": query,
                "headers": headers, "body": body.decode("utf-8", "replace"),
            }
            try:
                if "authorization" in headers:
                    record["signatureVersion"] = "v3"
                    params = verifier.verify_v3(self.command, path, query_pairs, headers, body)
                    xml = "xml" in headers.get("accept", "")
                else:
                    record["signatureVersion"] = "v2"
                    pairs = list(query_pairs)
                    if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                        pairs += urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)
                    params = verifier.verify_v2(self.command, pairs)
                    xml = params["Format"] == "XML"
                record["verified"] = True
                record["failure"] = None
            except (ValueError, KeyError) as error:
                record["verified"] = False
                record["failure"] = str(error)
                with records_lock:
                    records.append(record)
                self.send(400, json.dumps({
                    "RequestId": REQUEST_ID, "HostId": "127.0.0.1", "Code": "SignatureDoesNotMatch",
                    "Message": "Specified signature does not match our calculation.",
                }), "application/json")
                return
            with records_lock:
                records.append(record)
            self.answer(params, xml)

        def answer(self, params, xml):
            scenario = params.get("DomainName", "").split(".", 1)[0]
            success = (SUCCESS_XML, "text/xml;charset=utf-8") if xml else (
                SUCCESS_JSON, "application/json;charset=utf-8")
            if scenario == "ok":
                self.send(200, *success)
            elif scenario in ERRORS:
                status, code, message = ERRORS[scenario]
                if xml:
                    body = ("<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>" + REQUEST_ID
                            + "</RequestId><HostId>dm.aliyuncs.com</HostId><Code>" + code
                            + "</Code><Message>" + message + "</Message></Error>")
                    content_type = "text/xml;charset=utf-8"
                else:
                    body = json.dumps({
                        "RequestId": REQUEST_ID, "HostId": "dm.aliyuncs.com", "Code": code,
                        "Message": message, "Recommend": "https://api.aliyun.com/troubleshoot",
                    })
                    content_type = "application/json;charset=utf-8"
                self.send(status, body, None if scenario == "sniff" else content_type)
            elif scenario == "empty500":
                self.send(500, b"", None)
            elif scenario == "html502":
                self.send(502, "<html><head><title>502 Bad Gateway</title></head><body>"
                          "<h1>502 Bad Gateway</h1></body></html>", "text/html")
            elif scenario == "echo500":
                self.send(500, "Internal error while handling " + json.dumps(params), "text/plain")
            elif scenario == "slow":
                time.sleep(3)
                self.send(200, *success)
            elif scenario == "huge":
                self.send(200, b" " * (2 * 1024 * 1024), "application/json")
            elif scenario in ("throttled200", "failed200"):
                fields = [("RequestId", REQUEST_ID), ("Success", "false")]
                if scenario == "throttled200":
                    fields += [("Code", "Throttling.User"),
                               ("Message", "Request was denied due to user flow control.")]
                if xml:
                    body = ("<ModifyPWByDomainResponse>"
                            + "".join("<%s>%s</%s>" % (name, value, name) for name, value in fields)
                            + "</ModifyPWByDomainResponse>")
                    self.send(200, body, "text/xml;charset=utf-8")
                else:
                    body = json.dumps({name: (False if name == "Success" else value)
                                       for name, value in fields})
                    self.send(200, body, "application/json;charset=utf-8")
            elif scenario == "error200":
                self.send(200, "<Error><RequestId>" + REQUEST_ID + "</RequestId>"
                          "<Code>Throttling.User</Code><Message>Request was denied due to user"
                          " flow control.</Message></Error>", "text/xml;charset=utf-8")
            elif scenario == "otherroot200":
                if xml:
                    self.send(200, "<OtherActionResponse><RequestId>" + REQUEST_ID
                              + "</RequestId></OtherActionResponse>", "text/xml;charset=utf-8")
                else:
                    self.send(200, *success)
            elif scenario == "redirect":
                self.send(307, "", None, [("Location", "/elsewhere")])
            else:
                self.send(400, json.dumps({"Code": "UnknownScenario", "RequestId": REQUEST_ID}),
                          "application/json")

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--access-key-id", required=True)
    parser.add_argument("--access-key-secret", required=True)
    parser.add_argument("--security-token")
    parser.add_argument("--lifetime", type=float, default=120, help="seconds before the server exits")
    args = parser.parse_args()

    verifier = Verifier(args.access_key_id, args.access_key_secret, args.security_token)
    records = []
    records_lock = threading.Lock()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(verifier, records, records_lock))
    server.daemon_threads = True

    def stop_when_stdin_closes():
        sys.stdin.read()
        os._exit(0)

    def stop_after_lifetime():
        time.sleep(args.lifetime)
        sys.stderr.write("signing_server: lifetime of %s seconds reached, exiting\n" % args.lifetime)
        os._exit(0)

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    threading.Thread(target=stop_after_lifetime, daemon=True).start()
    print("PORT %d" % server.server_address[1], flush=True)
    sys.stderr.write("signing_server: listening on 127.0.0.1:%d\n" % server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
