"""Where a redirect may lead: never into loopback, private, link-local, reserved, multicast or
unspecified addresses (IPv4, IPv6, IPv4-mapped IPv6, or a name that resolves to one) unless the
feed's own address is of the same kind or TRACKER_ALLOW_PRIVATE is set; and never to a host
name no resolver accepts. Each refusal is one line, and no socket is opened for it.

Everything stays on 127.0.0.1: a feed "on the internet" is the local server with its own
address judged public (AddressPolicy.own_kinds patched), and names resolve through a patched
net.resolve.
"""

from __future__ import annotations

import logging
import time

import pytest
from helpers.feedserver import Response
from helpers.hostile import good_feed, one_line

from ingest import pipeline
from ingest.sources import net
from ingest.sources.feedlist import FeedSpec
from ingest.sources.fetch import FetchSettings, fetch_http, make_client
from ingest.sources.net import AddressPolicy, address_kind, host_problem

SETTINGS = FetchSettings(deadline=10, connect_timeout=5, read_timeout=5, retries=0, backoff=0)
RSS = {"Content-Type": "application/rss+xml"}

KINDS = {
    "loopback": ["127.0.0.1", "127.255.255.254", "::1", "::ffff:127.0.0.1", "2002:7f00:1::"],
    "private": ["10.0.0.1", "172.16.0.1", "192.168.1.1", "fc00::1", "::ffff:10.0.0.1", "64:ff9b::a00:1"],
    "link-local": ["169.254.169.254", "fe80::1", "fe80::1%eth0", "::ffff:169.254.169.254"],
    "unspecified": ["0.0.0.0", "::"],
    "multicast": ["224.0.0.1", "239.255.255.250", "ff02::1"],
    "reserved": ["240.0.0.1", "255.255.255.255", "100.64.0.1"],
    None: ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"],
}


@pytest.mark.parametrize("kind", list(KINDS), ids=str)
def test_address_kinds(kind):
    for ip in KINDS[kind]:
        assert address_kind(ip) == kind, ip


def _resolver(table: dict[str, list[str]]):
    return lambda host, port: table.get(host, [host])


NAMES = {"news.example": ["93.184.216.34"], "cdn.example": ["151.101.1.1", "2a04:4e42::1"],
         "localhost": ["127.0.0.1", "::1"], "intranet.example": ["10.0.0.5"],
         "half.example": ["151.101.1.1", "127.0.0.1"], "mapped.example": ["::ffff:127.0.0.1"],
         "metadata.example": ["169.254.169.254"], "lan.example": ["10.9.9.9"]}


@pytest.mark.parametrize("kind", [k for k in KINDS if k], ids=str)
def test_a_public_feed_may_not_redirect_into_any_non_public_address(kind):
    policy = AddressPolicy("https://news.example/feed", allow_private=False, resolver=_resolver(NAMES))
    for ip in KINDS[kind]:
        reason = policy.refusal(ip, [ip])
        assert reason and f"a {kind} address ({ip})" in reason, ip
        assert policy.refusal("rebound.example", [ip]).startswith("rebound.example resolves to")
    assert AddressPolicy("https://news.example/", allow_private=True).refusal(ip, [ip]) is None


def test_names_are_judged_by_every_address_they_resolve_to():
    policy = AddressPolicy("https://news.example/feed", allow_private=False, resolver=_resolver(NAMES))
    for name in ("intranet.example", "half.example", "mapped.example", "metadata.example", "localhost"):
        assert policy.refusal(name, NAMES[name]), name
    assert policy.refusal("cdn.example", NAMES["cdn.example"]) is None
    assert policy.refusal("news.example", ["127.0.0.1"]) is None  # the feed's own host, as it resolves


@pytest.mark.parametrize("own,allowed,refused", [
    ("http://localhost:8080/feed", ["localhost", "127.0.0.2", "::1"], ["10.0.0.1", "169.254.169.254", "lan.example"]),
    ("http://127.0.0.1/feed", ["localhost", "::ffff:127.0.0.1"], ["intranet.example", "fe80::1"]),
    ("http://10.1.2.3/feed", ["lan.example", "192.168.0.9"], ["localhost", "127.0.0.1", "metadata.example"]),
    ("http://[fc00::5]/feed", ["10.0.0.7"], ["::1"]),
])
def test_a_non_public_feed_may_redirect_within_its_own_kind_only(own, allowed, refused):
    policy = AddressPolicy(own, allow_private=False, resolver=_resolver(NAMES))
    for host in allowed:
        assert policy.refusal(host, NAMES.get(host, [host])) is None, host
    for host in refused:
        assert policy.refusal(host, NAMES.get(host, [host])), host


@pytest.mark.parametrize("host,ok", [
    ("a" * 63 + ".example", True), ("a" * 64 + ".example", False), ("x." + "b" * 100 + ".example", False),
    ("a" * 1000, False), ("a..b", False), (".a.b", False), (("a" * 60 + ".") * 5 + "example", False),
    (("a" * 50 + ".") * 4 + "example", True), ("exa mple.com", False), ("%41.example", False),
    ("a_b.example", True), ("xn--bcher-kva.example", True), ("bücher.example", True), ("127.0.0.1", True),
    ("::1", True), ("[::1]", True), ("", False),
])
def test_host_names_a_resolver_would_refuse(host, ok):
    problem = host_problem(host)
    assert (problem is None) == ok, problem
    if problem:
        one_line(problem)


# --- end to end, on 127.0.0.1 -----------------------------------------------------------------


def _fetch(url: str):
    with make_client(2) as client:
        t0 = time.monotonic()
        result = fetch_http(url, client=client, settings=SETTINGS)
        return result, time.monotonic() - t0


def _redirect(location: str) -> Response:
    return Response(302, headers={"Location": location})


def test_loopback_feeds_may_redirect_within_loopback(feed_server):
    ok = feed_server.feed("/ok", good_feed("ok"))
    via_name = ok.replace("127.0.0.1", "localhost")
    for start, target in (("/to-name", via_name), ("/to-ip", ok)):
        feed_server.route(start, _redirect(target))
        for url in (feed_server.url(start), feed_server.url(start).replace("127.0.0.1", "localhost")):
            result, _ = _fetch(url)
            assert result.status == "ok", (url, result.error)


TARGETS = ["http://10.0.0.1/feed", "http://[::ffff:10.0.0.1]/feed", "http://169.254.169.254/latest/meta-data/",
           "http://192.168.1.1:8080/", "http://[fe80::1]/", "http://224.0.0.1/", "http://[fc00::1]/"]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_loopback_feed_may_not_redirect_into_the_network(feed_server, target, host):
    url = feed_server.route("/r", _redirect(target)).replace("127.0.0.1", host)
    result, seconds = _fetch(url)
    assert result.status == "failed" and result.final
    assert one_line(result.error).startswith(f"refused to follow a redirect to {target!r}: ")
    assert "TRACKER_ALLOW_PRIVATE=1 allows it" in result.error
    assert seconds < 1.0  # refused before any connect (10.0.0.1 would take the 5 s connect timeout)


@pytest.fixture
def public_feed(monkeypatch):
    """The local server's address judged public, as a feed on the internet would be."""
    monkeypatch.setattr(AddressPolicy, "own_kinds", lambda self: frozenset())
    real = net.resolve
    names = {"intranet.test": ["10.0.0.1"]}
    calls: dict[str, int] = {}

    def resolve(host: str, port: int) -> list[str]:
        calls[host] = calls.get(host, 0) + 1
        if host == "rebind.test":  # public when checked, loopback when connected
            return ["93.184.216.34"] if calls[host] == 1 else ["127.0.0.1"]
        return names.get(host) or real(host, port)

    monkeypatch.setattr(net, "resolve", resolve)
    return calls


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/ok", "http://localhost:{port}/ok",
                                    "http://intranet.test/ok", "http://rebind.test:{port}/ok"])
def test_a_public_feed_is_refused_at_every_step(feed_server, public_feed, target):
    feed_server.feed("/ok", good_feed("ok"))
    target = target.format(port=feed_server.port)
    result, seconds = _fetch(feed_server.route("/r", _redirect(target)))
    assert result.status == "failed" and result.final, result
    assert one_line(result.error).startswith(f"refused to follow a redirect to {target!r}: ")
    assert feed_server.hits("/ok") == []  # the target was never asked
    if "rebind" in target:
        assert public_feed["rebind.test"] == 2  # allowed when checked, refused where it connects
        assert "rebind.test resolves to a loopback address (127.0.0.1)" in result.error


def test_the_setting_allows_private_redirects(feed_server, public_feed, monkeypatch):
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE", "1")
    ok = feed_server.feed("/ok", good_feed("ok"))
    result, _ = _fetch(feed_server.route("/r", _redirect(ok)))
    assert result.status == "ok", result.error


BAD_HOSTS = ["a" * 64 + ".example", "x." + "b" * 200 + ".example", "a..b.example", ("c" * 60 + ".") * 5 + "example",
             "xn--zz.example", "exa mple.example", "%41.example"]


def test_bad_host_names_are_one_line_and_log_no_traceback(feed_server, engine, caplog):
    specs = [FeedSpec(f"redirect-{i}", feed_server.route(f"/r{i}", _redirect(f"http://{h}/feed")))
             for i, h in enumerate(BAD_HOSTS)]
    specs.append(FeedSpec("own-url", "http://" + "d" * 64 + ".example/feed"))
    specs.append(FeedSpec("good", feed_server.feed("/good", good_feed("good"))))
    with caplog.at_level(logging.DEBUG):
        outcomes = {o.name: o for o in pipeline.run(engine, specs, workers=4, settings=SETTINGS).outcomes}
    assert outcomes.pop("good").status == "ok"
    assert one_line(outcomes.pop("own-url").error).startswith("cannot fetch 'http://dddd")
    for i, host in enumerate(BAD_HOSTS):
        error = one_line(outcomes[f"redirect-{i}"].error)
        assert error.startswith(f"refused to follow a redirect to 'http://{host[:90]}"), error
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
