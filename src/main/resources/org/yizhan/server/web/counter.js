// 窗口叫号: the clerk's page (docs/counter.md). Plain script, no framework; every text goes in as text, never HTML.
"use strict";

const $ = (id) => document.getElementById(id);
// "" for the server's own hall, "/halls/<id>" for a hall of a county's server: every request stays in the page's hall.
const HALL = location.pathname.replace(/\/counter$/, "");
const WORDS = {
  wrong_pin: "窗口或密码不对。",
  too_many_tries: "密码错误次数过多，请稍后再试。",
  signed_out: "登录已过期，请重新登录。",
  paused: "本窗口已暂停，请先点“恢复”。",
  window_busy: "请先处理完当前号码（办结、过号或转移）。",
  no_ticket: "本窗口还没有叫号。",
  not_signed_in: "请先选择本窗口办理的业务。",
  wrong_state: "当前号码不能这样操作。",
  same_queue: "该号码已在这个业务排队。",
  unknown_queue: "没有这个业务。",
  busy: "系统繁忙，请再试一次。",
};
const STATE = { called: "已叫号，等候群众到窗口", serving: "正在办理" };

let view = null;       // the last state from the server
let pending = false;   // an action under way: the buttons wait for it
let events = null;

function say(id, text) { $(id).textContent = text || ""; }

function randomKey() {
  // crypto.randomUUID needs https; a hall's LAN is often plain http.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function request(method, path, body, key) {
  const headers = { "X-Yizhan-Counter": "1", "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (key) headers["Idempotency-Key"] = key;
  const response = await fetch(path, { method, headers, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && json.message) || ("HTTP " + response.status));
    error.code = json && json.error;
    error.status = response.status;
    throw error;
  }
  return json;
}

function words(error) {
  return WORDS[error.code] || ("操作未成功：" + error.message);
}

function showOnly(id) {
  for (const part of ["sign-in", "choose", "work"]) $(part).hidden = part !== id;
  $("sign-out").hidden = id === "sign-in";
}

// --- sign-in -------------------------------------------------------------------------------------------

async function showSignIn(message) {
  view = null;
  showOnly("sign-in");
  say("window-name", "");
  say("sign-in-message", message);
  try {
    const answer = await request("GET", HALL + "/counter/windows");
    say("hall", answer.hall);
    const select = $("sign-in-window");
    select.replaceChildren();
    for (const w of answer.windows) select.append(new Option(w.name, w.id));
    if (answer.windows.length === 0) say("sign-in-message", "还没有设置窗口：请技术人员按 docs/counter.md 设置 windows.json。");
  } catch (e) {
    say("sign-in-message", "连不上大厅服务器，请稍后刷新。");
  }
  $("sign-in-pin").focus();
}

$("sign-in").addEventListener("submit", async (event) => {
  event.preventDefault();
  const pin = $("sign-in-pin").value;
  $("sign-in-pin").value = "";
  $("sign-in-go").disabled = true;
  try {
    await request("POST", HALL + "/counter/sign-in", { window: $("sign-in-window").value, pin });
    say("sign-in-message", "");
    await refresh();
  } catch (e) {
    say("sign-in-message", words(e));
  } finally {
    $("sign-in-go").disabled = false;
  }
});

$("sign-out").addEventListener("click", async () => {
  try {
    await request("POST", HALL + "/counter/sign-out", {});
    showSignIn("已退出。");
  } catch (e) {
    say("work-message", words(e));
  }
});

// --- the window's state ------------------------------------------------------------------------------

async function refresh() {
  try {
    const state = await request("GET", HALL + "/counter/state");
    $("link").hidden = true;
    render(state);
  } catch (e) {
    if (e.status === 401) {
      showSignIn(view ? WORDS.signed_out : "");
    } else {
      $("link").hidden = false;
      // The buttons as they were, enabled again: an action's wait must not leave them dead until the next event.
      if (view && view.signedIn) render({ hall: $("hall").textContent, name: $("window-name").textContent, view });
    }
  }
}

function render(state) {
  view = state.view;
  say("hall", state.hall);
  say("window-name", state.name);
  if (!view.signedIn) {
    showChoose();
    return;
  }
  showOnly("work");
  document.body.classList.toggle("paused", view.paused);
  const t = view.ticket;
  say("ticket-number", t ? t.number : "—");
  $("ticket-number").classList.toggle("none", !t);
  say("ticket-detail", t ? t.queueName + " · " + (STATE[t.state] || t.state) : view.paused ? "本窗口已暂停" : "尚未叫号");
  tick();
  const can = (on) => !pending && on;
  $("call-next").disabled = !can(!t && !view.paused);
  $("recall").disabled = !can(t && t.state === "called");
  $("start").disabled = !can(t && t.state === "called");
  $("done").disabled = !can(!!t);
  $("no-show").disabled = !can(t && t.state === "called");
  $("transfer").disabled = !can(!!t);
  $("transfer-queue").disabled = !t;
  $("pause").disabled = !can(!t || view.paused);
  $("pause").firstChild.textContent = view.paused ? "恢复 " : "暂停 ";
  const transfer = $("transfer-queue");
  const chosen = transfer.value;
  transfer.replaceChildren();
  for (const q of view.queues) if (!t || q.id !== t.queue) transfer.append(new Option(q.name, q.id));
  if (chosen) transfer.value = chosen;
  const list = $("waiting");
  list.replaceChildren();
  for (const q of view.queues) {
    if (!view.serving.includes(q.id)) continue;
    const item = document.createElement("li");
    item.className = "mine";
    item.append(q.name + " ");
    const count = document.createElement("b");
    count.textContent = q.waiting;
    item.append(count, " 人");
    list.append(item);
  }
}

function showChoose() {
  showOnly("choose");
  const box = $("choose-queues");
  box.replaceChildren();
  for (const q of view.queues) {
    const label = document.createElement("label");
    const check = document.createElement("input");
    check.type = "checkbox";
    check.value = q.id;
    check.checked = view.serving.includes(q.id);
    label.append(check, q.name + "（等候 " + q.waiting + " 人）");
    box.append(label);
  }
}

$("choose").addEventListener("submit", async (event) => {
  event.preventDefault();
  const queues = Array.from($("choose-queues").querySelectorAll("input:checked"), (c) => c.value);
  if (queues.length === 0) {
    say("choose-message", "请至少选择一项业务。");
    return;
  }
  say("choose-message", "");
  await act("queues", { queues });
});

$("change-queues").addEventListener("click", () => { if (view && !view.ticket) showChoose(); });

function tick() {
  if (!view || !view.ticket || !view.since) {
    say("ticket-since", "");
    return;
  }
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(view.since)) / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  say("ticket-since", (view.ticket.state === "serving" ? "已办理 " : "已等候 ") + mm + ":" + ss);
}
setInterval(tick, 1000);

// --- actions: one key per click, sent again with the same key until answered ----------------------

async function act(action, body) {
  if (pending) return;
  pending = true;
  say("work-message", "");
  if (view) render({ hall: $("hall").textContent, name: $("window-name").textContent, view });
  const key = randomKey();
  let signedOut = false;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await request("POST", HALL + "/counter/action/" + action, body || {}, key);
        $("link").hidden = true;
        if (action === "call-next") $("work-message").textContent = "";
        break;
      } catch (e) {
        if (e.status === undefined && attempt < 6) {          // no answer: the same key again
          $("link").hidden = false;
          await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
          continue;
        }
        if (e.status === 401) { signedOut = true; showSignIn(WORDS.signed_out); return; }
        say(view && view.signedIn ? "work-message" : "choose-message", e.status === undefined ? "连不上大厅服务器，请稍后再试。" : words(e));
        break;
      }
    }
  } finally {
    pending = false;
    if (!signedOut) await refresh();
  }
}

async function callNext() {
  await act("call-next");
  if (view && view.signedIn && !view.ticket && !view.paused && !$("work-message").textContent) {
    say("work-message", "现在没有人等候。");
  }
}

$("call-next").addEventListener("click", callNext);
$("recall").addEventListener("click", () => act("recall"));
$("start").addEventListener("click", () => act("start"));
$("done").addEventListener("click", () => act("done"));
$("no-show").addEventListener("click", () => act("no-show"));
$("transfer").addEventListener("click", () => act("transfer", { queue: $("transfer-queue").value }));
$("pause").addEventListener("click", () => act(view && view.paused ? "resume" : "pause"));

const KEYS = { n: "call-next", r: "recall", s: "start", d: "done", x: "no-show", t: "transfer", p: "pause" };
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey || $("work").hidden) return;
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
  const id = KEYS[event.key.toLowerCase()];
  if (id && !$(id).disabled) {
    event.preventDefault();
    $(id).click();
  }
});

// --- live: the queue's event stream; it reconnects by itself ------------------------------------------

let again = null;
function listen() {
  events = new EventSource(HALL + "/queue/events");
  events.onopen = () => { $("link").hidden = true; refresh(); };
  events.onmessage = () => { clearTimeout(again); again = setTimeout(() => { if (view) refresh(); }, 150); };
  events.onerror = () => {
    $("link").hidden = false;
    if (events.readyState === EventSource.CLOSED) setTimeout(listen, 3000); // an answer that was not a stream
  };
}

refresh().then(() => { if (!view && $("sign-in").hidden) showSignIn(""); });
listen();
