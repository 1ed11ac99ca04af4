// The minimal reference app: the real ZAF SDK, one get, one paint. The host's e2e tests drive
// the protocol through `window.zafClient` (the SDK client inside this frame) and the bench reads
// the two performance marks to time handshake → first paint.
import ZAFClient from 'zendesk_app_framework_sdk';

const status = document.querySelector('[data-testid="probe-status"]');
const subject = document.querySelector('[data-testid="probe-subject"]');

const client = ZAFClient.init();
window.zafClient = client;

if (!client) {
  status.textContent = 'not inside a ZAF host (missing origin/app_guid)';
} else {
  client.on('app.registered', async (data) => {
    performance.mark('probe:registered');
    window.probeRegistration = data;
    status.textContent = 'registered';
    try {
      const result = await client.get('ticket.subject');
      subject.textContent = result['ticket.subject'] ?? '';
    } catch (error) {
      subject.textContent = `error: ${error.message}`;
    }
    // Mark after the browser has painted the subject, not merely after the DOM write.
    requestAnimationFrame(() => setTimeout(() => performance.mark('probe:painted'), 0));
  });
}
