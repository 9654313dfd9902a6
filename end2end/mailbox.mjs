// A real SMTP server for the tests (nodemailer's smtp-server), with a small HTTP API to read what
// arrived. It listens three times, all delivering to the same store: plain SMTP, SMTP with
// STARTTLS, and SMTP over TLS (smtps), the last two with the test certificate in ./tls. Prints
// {"smtp": PORT, "starttls": PORT, "smtps": PORT, "http": PORT} on its first line of output once
// it listens, and exits when its standard input closes, so it never outlives the test run that
// started it.
//
//   GET /messages?to=ADDRESS   messages for ADDRESS (all when omitted), oldest first
//   DELETE /messages           forget everything
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import http from 'node:http';
import fs from 'node:fs';

const messages = [];
const tls = {
  key: fs.readFileSync(new URL('./tls/server-key.pem', import.meta.url)),
  cert: fs.readFileSync(new URL('./tls/server.pem', import.meta.url)),
};

function onData(stream, session, callback) {
  simpleParser(stream)
    .then((mail) => {
      messages.push({
        envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        from: mail.from?.text ?? '',
        to: mail.to?.text ?? '',
        subject: mail.subject ?? '',
        text: mail.text ?? '',
        html: typeof mail.html === 'string' ? mail.html : '',
        receivedAt: new Date().toISOString(),
      });
      callback();
    })
    .catch(callback);
}

const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData });
const starttls = new SMTPServer({ authOptional: true, disabledCommands: ['AUTH'], logger: false, onData, ...tls });
const smtps = new SMTPServer({ secure: true, authOptional: true, disabledCommands: ['AUTH'], logger: false, onData, ...tls });

const api = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/messages') {
    res.writeHead(404).end();
    return;
  }
  if (req.method === 'DELETE') {
    messages.length = 0;
    res.writeHead(204).end();
    return;
  }
  const to = url.searchParams.get('to')?.toLowerCase();
  const found = to ? messages.filter((m) => m.envelopeTo.includes(to)) : messages;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
});

const requestedSmtpPort = Number(process.argv[2] ?? 0);
const requestedHttpPort = Number(process.argv[3] ?? 0);
// A client that gives up mid-handshake (an untrusted certificate, say) is its problem, not ours.
for (const server of [smtp, starttls, smtps]) server.on('error', () => {});

const listening = (server, port) => new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
await listening(smtp, requestedSmtpPort);
await listening(starttls, 0);
await listening(smtps, 0);
await new Promise((resolve) => api.listen(requestedHttpPort, '127.0.0.1', resolve));
console.log(
  JSON.stringify({
    smtp: smtp.server.address().port,
    starttls: starttls.server.address().port,
    smtps: smtps.server.address().port,
    http: api.address().port,
  }),
);

process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
