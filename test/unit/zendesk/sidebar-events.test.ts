import { parseSettings } from '../../../src/procedure/settings';
import { prefetchSidebarData } from '../../../src/ui/useSidebarData';
import { fakeZendesk, sandboxSettings, zafTicket } from '../../support/fake-zendesk';

const { settings } = parseSettings(sandboxSettings);

describe('the sidebar listens for reassignment', () => {
  it('subscribes to the documented ticket.assignee.user.id / group.id change events, not ticket.assignee.changed', async () => {
    const fake = fakeZendesk(zafTicket());
    const subscribed: string[] = [];
    const on = fake.zendesk.on.bind(fake.zendesk);
    fake.zendesk.on = (event, handler) => {
      subscribed.push(event);
      return on(event, handler);
    };
    await prefetchSidebarData(fake.zendesk, settings);
    expect(subscribed).toContain('ticket.assignee.user.id.changed');
    expect(subscribed).toContain('ticket.assignee.group.id.changed');
    expect(subscribed).not.toContain('ticket.assignee.changed');
  });
});
