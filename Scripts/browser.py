#!/usr/bin/env python3
"""Drive headless Chromium through the DevTools protocol over a pipe (standard library only).

Usage: browser.py STEPS_JSON   — prints a JSON list with one result per step.

STEPS_JSON is a list of steps, each an object with one action:
  {"goto": url}                       open url and wait for its load event
  {"reload": true}                    reload and wait for the load event
  {"wait": js, "timeout": ms}         poll until the expression is truthy (default 10 s)
  {"eval": js}                        evaluate (promises awaited); the result is the value
  {"click": selector}                 click the centre of the first matching element
  {"type": text}                      insert text into the focused element
  {"key": name}                       press a key: "ArrowDown", "ArrowUp", "Enter", "Escape", "/"
  {"pdf": path}                       print the page to a PDF file (A4, CSS page size honoured)
  {"write": path, "text": text}       write a file (a source changed while the page is open)
  {"screenshot": path}                save a PNG of the viewport
  {"viewport": [width, height]}       emulate a screen of that many CSS pixels (a phone: [375, 740])
Used by the browser tests and by Scripts/benchmark-search.py.
"""
import base64
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

KEYS = {
    "ArrowDown": ("ArrowDown", 40, ""), "ArrowUp": ("ArrowUp", 38, ""), "Enter": ("Enter", 13, "\r"),
    "Escape": ("Escape", 27, ""), "/": ("/", 191, "/"),
}


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="handbook-browser-")
        # Move the pipes' fds out of the way of 3 and 4, where the child expects the DevTools
        # pipe: commands in on 3, replies out on 4.
        def high(fd):
            moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
            os.close(fd)
            return moved
        to_browser_read, self.to_browser = map(high, os.pipe())
        self.from_browser, from_browser_write = map(high, os.pipe())
        os.dup2(to_browser_read, 3)
        os.dup2(from_browser_write, 4)
        self.process = subprocess.Popen(
            [os.environ.get("CHROMIUM", "chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(3)
        os.close(4)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.command("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.command("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.command("Page.enable", session=True)
        self.command("Runtime.enable", session=True)

    def send(self, method, params, session):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.next_id

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("browser closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def command(self, method, params=None, session=False):
        wanted = self.send(method, params, session)
        while True:
            message = self.receive()
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_event(self, name, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == name:
                    del self.events[index]
                    return event
            self.events.append(self.receive())
        raise TimeoutError(name)

    def evaluate(self, expression):
        result = self.command("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True}, True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "exception") + ": " + expression)
        return result["result"].get("value")

    def run(self, step):
        if "goto" in step:
            self.events.clear()
            self.command("Page.navigate", {"url": step["goto"]}, True)
            self.wait_event("Page.loadEventFired")
            return None
        if "reload" in step:
            self.events.clear()
            self.command("Page.reload", {}, True)
            self.wait_event("Page.loadEventFired")
            return None
        if "wait" in step:
            deadline = time.monotonic() + step.get("timeout", 10000) / 1000
            while time.monotonic() < deadline:
                try:
                    value = self.evaluate(step["wait"])
                except RuntimeError:
                    # The page is being replaced (a reload the page started itself): try again.
                    value = None
                if value:
                    return value
                time.sleep(0.05)
            raise TimeoutError(step["wait"])
        if "eval" in step:
            return self.evaluate(step["eval"])
        if "click" in step:
            box = self.evaluate(
                "(() => { const e = document.querySelector(%s); if (!e) return null; e.scrollIntoView({block: 'center'});"
                " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
                % json.dumps(step["click"]))
            if box is None:
                raise RuntimeError("no element " + step["click"])
            for kind in ("mousePressed", "mouseReleased"):
                self.command("Input.dispatchMouseEvent",
                             {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1}, True)
            return None
        if "type" in step:
            self.command("Input.insertText", {"text": step["type"]}, True)
            return None
        if "key" in step:
            key, code, text = KEYS[step["key"]]
            for kind in ("keyDown", "keyUp"):
                params = {"type": kind, "key": key, "windowsVirtualKeyCode": code, "code": key}
                if kind == "keyDown" and text:
                    params["text"] = text
                self.command("Input.dispatchKeyEvent", params, True)
            return None
        if "pdf" in step:
            result = self.command("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, True)
            with open(step["pdf"], "wb") as handle:
                handle.write(base64.b64decode(result["data"]))
            return step["pdf"]
        if "viewport" in step:
            width, height = step["viewport"]
            self.command("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, True)
            return None
        if "screenshot" in step:
            result = self.command("Page.captureScreenshot", {"format": "png"}, True)
            with open(step["screenshot"], "wb") as handle:
                handle.write(base64.b64decode(result["data"]))
            return step["screenshot"]
        if "write" in step:
            with open(step["write"], "w", encoding="utf-8") as handle:
                handle.write(step["text"])
            return None
        raise ValueError(f"unknown step {step}")

    def close(self):
        try:
            self.command("Browser.close")
        except Exception:
            pass
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    steps = json.loads(sys.argv[1])
    browser = Browser()
    try:
        results = [browser.run(step) for step in steps]
    except Exception as error:
        print(json.dumps({"error": str(error)}, ensure_ascii=False))
        sys.exit(1)
    finally:
        browser.close()
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
