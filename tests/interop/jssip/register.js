// Registers one user with JsSIP over a WebSocket and prints one JSON line with the outcome.
// usage: node register.js ws://127.0.0.1:PORT sip:alice@127.0.0.1 password
'use strict';

globalThis.WebSocket = require('ws');
const JsSIP = require('jssip');

const [url, uri, password] = process.argv.slice(2);
const socket = new JsSIP.WebSocketInterface(url);
const ua = new JsSIP.UA({ sockets: [socket], uri, password, register: true, register_expires: 120, session_timers: false });

const finish = (outcome) => {
  console.log(JSON.stringify(outcome));
  ua.stop();
  setTimeout(() => process.exit(outcome.state === 'registered' ? 0 : 1), 500);
};

ua.on('registered', (e) => finish({ state: 'registered', status: e.response.status_code, contact: e.response.getHeader('Contact') }));
ua.on('registrationFailed', (e) => finish({ state: 'failed', cause: e.cause, status: e.response && e.response.status_code }));
setTimeout(() => finish({ state: 'timeout' }), 10000);
ua.start();
