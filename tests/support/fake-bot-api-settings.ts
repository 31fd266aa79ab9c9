/**
 * Handlers of the bot-level methods: getMe, getUpdates, webhooks, commands and descriptions. They
 * keep state so that "get" methods return what "set" methods stored, as on Telegram.
 */

import type { MethodHandler } from "./fake-bot-api-methods.js";
import { ApiError, type Params } from "./fake-bot-api-types.js";
import { boolParam, checkCommands, intParam, stringParam } from "./fake-bot-api-validate.js";
import type { BotWorld } from "./fake-bot-api-world.js";

const WEBHOOK_CONFLICT =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

/** Handlers by method name (matched case-insensitively, like Telegram). */
export const SETTINGS_METHODS: Record<string, MethodHandler> = {
  getMe: (_params, { world }) => world.botUser,

  getUpdates: (params, { world, updates, signal }) => {
    if (world.webhookUrl !== "") throw new ApiError(409, WEBHOOK_CONFLICT);
    const offset = intParam(params, "offset");
    const limit = intParam(params, "limit");
    const timeout = intParam(params, "timeout");
    return updates.poll({ offset, limit, timeout, allowedUpdates: params.allowed_updates }, signal);
  },

  setWebhook: (params, { world, updates }) => {
    const url = stringParam(params, "url");
    if (url !== "" && !url.startsWith("https://")) {
      throw ApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    if (boolParam(params, "drop_pending_updates")) updates.dropAll();
    world.webhookUrl = url;
    return true;
  },

  deleteWebhook: (params, { world, updates }) => {
    if (boolParam(params, "drop_pending_updates")) updates.dropAll();
    world.webhookUrl = "";
    return true;
  },

  getWebhookInfo: (_params, { world, updates }) => ({
    url: world.webhookUrl,
    has_custom_certificate: false,
    pending_update_count: updates.size,
  }),

  setMyCommands: (params, { world }) => {
    world.commands.set(commandsKey(params), checkCommands(params.commands));
    return true;
  },

  getMyCommands: (params, { world }) => world.commands.get(commandsKey(params)) ?? [],

  deleteMyCommands: (params, { world }) => {
    world.commands.delete(commandsKey(params));
    return true;
  },

  setMyDescription: (params, { world }) => setText(world, params, "description", 512),
  getMyDescription: (params, { world }) => ({ description: getText(world, params, "description") }),
  setMyShortDescription: (params, { world }) => setText(world, params, "short_description", 120),
  getMyShortDescription: (params, { world }) => ({
    short_description: getText(world, params, "short_description"),
  }),

  close: () => true,
  logOut: () => true,
};

/** Commands are stored per scope and language, like Telegram's command lists. */
function commandsKey(params: Params): string {
  const scope =
    typeof params.scope === "object" && params.scope !== null ? params.scope : { type: "default" };
  return `${JSON.stringify(scope)}|${stringParam(params, "language_code")}`;
}

function setText(world: BotWorld, params: Params, field: string, maxLength: number): true {
  world.descriptions.set(
    `${field}|${stringParam(params, "language_code")}`,
    stringParam(params, field, maxLength),
  );
  return true;
}

function getText(world: BotWorld, params: Params, field: string): string {
  return world.descriptions.get(`${field}|${stringParam(params, "language_code")}`) ?? "";
}
