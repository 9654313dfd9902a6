// Reads the mail that Portico sent to the test SMTP server started by serve.sh.
const mailboxPort = Number(process.env.PORTICO_E2E_MAILBOX_PORT ?? 3226);

export interface Message {
  subject: string;
  text: string;
  html: string;
}

export async function mailCount(to: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${mailboxPort}/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as Message[]).length;
}

export async function waitForMail(to: string, count = 1): Promise<Message[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(`http://127.0.0.1:${mailboxPort}/messages?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as Message[];
    if (messages.length >= count) return messages;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${to} did not receive ${count} message(s)`);
}

/**
 * The sign-in link of the first message from the `count`th on to `to` that carries one (other
 * mail, such as a notification, may arrive in between).
 */
export async function signInLink(to: string, count = 1): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const messages = await waitForMail(to, count);
    for (const message of messages.slice(count - 1)) {
      const link = message.text.split(/\s+/).find((word) => word.includes('/auth/magic?token='));
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${to} received no sign-in link`);
}

/** The first message to `to` with `subject`, once it has arrived. */
export async function waitForSubject(to: string, subject: string): Promise<Message> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(`http://127.0.0.1:${mailboxPort}/messages?to=${encodeURIComponent(to)}`);
    const found = ((await response.json()) as Message[]).find((message) => message.subject === subject);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${to} did not receive "${subject}"`);
}
