"""Puts the benchmark's emulator into the state a path starts from, and reads back what the path called.

  scenario.py setup NAME   resets the emulator, builds the state NAME starts from (with no delay), then sets
                           the delay of BENCH_LATENCY_MS on every call; prints how many calls the set-up made
  scenario.py calls SKIP   prints {"calls": n, "roundTrips": r} for the calls after the first SKIP ones

NAME is one of: first-visit and idle-off (the VPN off), refresh (a turn-on in progress), status and idle-on
(the VPN ready, one person connected), seed (what seed 004's function finds: the VPN off). The state is made
through the emulator's control surface and its EC2 API, as a person would leave it. Used by
local/benchmark/latency, by the Java harness between warm runs, and by the seed's function.
"""
import json
import os
import ssl
import sys
import urllib.parse
import urllib.request

BASE = os.environ["BENCH_EMULATOR_URL"]
ENDPOINT = os.environ["CLIENT_VPN_ENDPOINT_ID"]
SUBNETS = os.environ["TARGET_SUBNET_IDS"].split(",")
# The emulator checks that a call is signed, not the signature (it has no secret to check it with).
SIGNED = "AWS4-HMAC-SHA256 Credential=bench/20260101/ap-northeast-1/ec2/aws4_request, SignedHeaders=host, Signature=00"
TLS = ssl.create_default_context(cafile=os.environ.get("AWS_CA_BUNDLE")) if BASE.startswith("https") else None


def _send(path, body, headers):
    req = urllib.request.Request(BASE + path, data=body, headers=headers, method="POST" if body is not None else "GET")
    with urllib.request.urlopen(req, context=TLS) as r:
        return r.read()


def control(path, payload=None):
    if payload is None and path.startswith(("/calls", "/state")):
        return json.loads(_send("/_emulator" + path, None, {}))
    return json.loads(_send("/_emulator" + path, json.dumps(payload or {}).encode(), {"content-type": "application/json"}))


def ec2(action, **params):
    form = {"Action": action, "Version": "2016-11-15", **params}
    _send("/", urllib.parse.urlencode(form).encode(),
          {"content-type": "application/x-www-form-urlencoded", "authorization": SIGNED})


def turned_on(by, associated):
    """What a turn-on leaves: every subnet associating (or associated), and who turned it on, when."""
    ec2("CreateTags", **{"ResourceId.1": ENDPOINT, "Tag.1.Key": "switchboard:turned-on-by", "Tag.1.Value": by,
                         "Tag.2.Key": "switchboard:turned-on-at", "Tag.2.Value": control("/state")["now"][:19] + "Z"})
    for subnet in SUBNETS:
        ec2("AssociateClientVpnTargetNetwork", ClientVpnEndpointId=ENDPOINT, SubnetId=subnet)
    if associated:
        control("/clock/advance", {"seconds": 60})
        for spec in filter(None, os.environ.get("VPN_ROUTES", "").split(",")):
            cidr, subnet = spec.split("=")
            ec2("CreateClientVpnRoute", ClientVpnEndpointId=ENDPOINT, DestinationCidrBlock=cidr, TargetVpcSubnetId=subnet)
        control("/clock/advance", {"seconds": 60})
        control("/seed/connection", {"endpointId": ENDPOINT, "connectionId": "cvpn-connection-0bench0000000001",
                                     "username": "taro", "clientIp": "172.16.0.10"})


def setup(name):
    control("/reset")
    control("/seed/demo")
    if name == "refresh":
        control("/settings", {"associationDelaySeconds": 3600})
        turned_on("taro.yamada@example.com", associated=False)
    elif name in ("status", "idle-on"):
        turned_on("taro.yamada@example.com", associated=True)
    elif name not in ("first-visit", "idle-off", "seed"):
        raise SystemExit(f"unknown scenario {name}")
    made = len(control("/calls")["timed"])
    control("/settings", {"latencyMillis": int(os.environ.get("BENCH_LATENCY_MS", "0"))})
    return made


def calls(skip):
    answer = control(f"/calls?from={skip}")
    return {"calls": len(answer["timed"]), "roundTrips": answer["sequentialRoundTrips"],
            "actions": [c["action"] for c in answer["timed"]]}


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        print(setup(sys.argv[2]))
    else:
        print(json.dumps(calls(int(sys.argv[2]))))
