// 叫号屏: the waiting room's calling display (docs/counter.md). Plain script; every text goes in as text.
"use strict";

const $ = (id) => document.getElementById(id);
// "" for the server's own hall, "/halls/<id>" for a hall of a county's server: every request stays in the page's hall.
const HALL = location.pathname.replace(/\/display$/, "");
const DIGITS = "零一二三四五六七八九";
let names = {};          // window id → its name from windows.json
let live = false;        // a call came on the stream since it (re)connected: a refresh keeps it on screen
let quietUntil = 0;      // after a (re)connection the missed events come first: shown by the refresh, not announced
let audio = null;

function windowName(id) {
  return names[id] || (id + " 号窗口");
}

/** "A012" read out one sign at a time, as halls call: "A 零一二". */
function spoken(number) {
  return Array.from(number, (c) => (c >= "0" && c <= "9" ? DIGITS[c] : c)).join(" ");
}

function sentence(call) {
  return "请 " + call.number + " 号 到 " + windowName(call.window) + " 办理";
}

async function refresh() {
  const response = await fetch(HALL + "/display/state", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error("HTTP " + response.status);
  const state = await response.json();
  $("hall").textContent = state.hall;
  names = {};
  for (const w of state.windows) names[w.id] = w.name;
  const calls = state.calls;
  // The state orders calls by when they were first called; a recall on the stream is newer than that order says.
  if (calls.length > 0 && !live) showLatest(calls[0], false);
  const list = $("calls");
  list.replaceChildren();
  for (const call of calls.slice(1, 7)) {
    const item = document.createElement("li");
    const number = document.createElement("span");
    number.textContent = call.number;
    const to = document.createElement("span");
    to.className = "w";
    to.textContent = windowName(call.window);
    item.append(number, to);
    list.append(item);
  }
  const waiting = $("waiting");
  waiting.replaceChildren();
  for (const q of state.queues) {
    const item = document.createElement("li");
    const count = document.createElement("b");
    count.textContent = q.waiting;
    item.append(q.name + " 等候 ", count, " 人");
    waiting.append(item);
  }
}

function showLatest(call, fresh) {
  $("latest-number").textContent = call.number;
  $("latest-window").textContent = windowName(call.window);
  $("latest-text").textContent = sentence(call);
  if (fresh) {
    const box = $("latest");
    box.classList.remove("fresh");
    void box.offsetWidth; // restart the short highlight
    box.classList.add("fresh");
  }
}

// --- sound: a chime, then the sentence in Mandarin where the browser has a Chinese voice ----------------

function chime() {
  if (!audio) return;
  const now = audio.currentTime;
  for (const [i, hz] of [[0, 880], [1, 660]]) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, now + i * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.4, now + i * 0.45 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.45 + 0.42);
    tone.connect(gain).connect(audio.destination);
    tone.start(now + i * 0.45);
    tone.stop(now + i * 0.45 + 0.45);
  }
}

function announce(call) {
  chime();
  if (!("speechSynthesis" in window)) return;
  const text = "请 " + spoken(call.number) + " 号，到 " + windowName(call.window) + " 办理";
  const voice = speechSynthesis.getVoices().find((v) => v.lang && v.lang.toLowerCase().startsWith("zh"));
  if (!voice) return; // no Chinese voice: the chime and the text on screen
  for (let time = 0; time < 2; time++) {
    const say = new SpeechSynthesisUtterance(text);
    say.voice = voice;
    say.lang = voice.lang;
    say.rate = 0.85;
    setTimeout(() => speechSynthesis.speak(say), 1000);
  }
}

function enableSound() {
  try {
    audio = audio || new AudioContext();
    audio.resume();
  } catch (e) {
    audio = null;
  }
  $("sound").hidden = audio !== null && audio.state === "running";
}

$("sound").addEventListener("click", enableSound);
document.addEventListener("keydown", enableSound);
enableSound();
setTimeout(() => { if (!audio || audio.state !== "running") $("sound").hidden = false; }, 500);

// --- live: calls within a second; it reconnects by itself after a blip or a restart -------------------

let events = null;
let again = null;

function listen() {
  events = new EventSource(HALL + "/queue/events");
  events.onopen = () => {
    $("link").hidden = true;
    live = false;
    quietUntil = Date.now() + 1000;
    refresh().catch(() => { $("link").hidden = false; });
  };
  events.onmessage = (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    if ((event.type === "ticket.called" || event.type === "ticket.recalled") && Date.now() > quietUntil) {
      const call = { number: event.number, window: event.window };
      live = true;
      showLatest(call, true);
      announce(call);
    }
    clearTimeout(again);
    again = setTimeout(() => refresh().catch(() => { $("link").hidden = false; }), 200);
  };
  events.onerror = () => {
    $("link").hidden = false;
    if (events.readyState === EventSource.CLOSED) setTimeout(listen, 3000);
  };
}

function clock() {
  const now = new Date();
  $("clock").textContent = String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0");
}
setInterval(clock, 10_000);
clock();
listen();
