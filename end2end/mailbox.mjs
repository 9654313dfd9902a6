// A real SMTP server for the tests (nodemailer's smtp-server), with a small HTTP API to read what
// arrived. Prints {"smtp": PORT, "http": PORT} on its first line of output once it listens, and
// exits when its standard input closes, so it never outlives the test run that started it.
//
//   GET /messages?to=ADDRESS   messages for ADDRESS (all when omitted), oldest first
//   DELETE /messages           forget everything
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import http from 'node:http';

const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
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
  },
});

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
smtp.listen(requestedSmtpPort, '127.0.0.1', () => {
  api.listen(requestedHttpPort, '127.0.0.1', () => {
    console.log(JSON.stringify({ smtp: smtp.server.address().port, http: api.address().port }));
  });
});

process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
