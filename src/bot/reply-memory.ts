/**
 * Which messages the bot sent in reply to which question, so that when the person edits the
 * question the bot can edit its answer in place. Held in memory and bounded (oldest forgotten
 * first): after a restart, on another replica, or for a question long past, the bot simply
 * answers the edited question anew.
 */
export class ReplyMemory {
  private readonly replies = new Map<string, readonly number[]>();

  constructor(
    /** Questions remembered at most. Default 5000 (a few hundred KB). */
    private readonly max = 5000,
  ) {}

  /** Records the messages (in order) answering message `questionId` of chat `chatId`. */
  remember(chatId: number, questionId: number, replyIds: readonly number[]): void {
    const key = `${chatId}:${questionId}`;
    this.replies.delete(key);
    this.replies.set(key, [...replyIds]);
    while (this.replies.size > this.max) {
      const oldest = this.replies.keys().next().value;
      if (oldest === undefined) break;
      this.replies.delete(oldest);
    }
  }

  /** The messages that answered the question, or `undefined` when not remembered. */
  recall(chatId: number, questionId: number): readonly number[] | undefined {
    return this.replies.get(`${chatId}:${questionId}`);
  }
}
