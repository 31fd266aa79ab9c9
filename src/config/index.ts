/** Settings from the environment, validated once, mapped onto the pipeline's options. */
export { engineOptionsFrom } from "./engine-options.js";
export { loadDotEnv } from "./environment.js";
export {
  type FeedbackSettings,
  feedbackSettingsSchema,
  type LiveSettings,
  liveSettingsSchema,
} from "./operator-settings.js";
export {
  BOT_TOKEN_PATTERN,
  type BotSettings,
  botSettingsSchema,
  flag,
  parseSettings,
  type Settings,
  SettingsError,
  settingsSchema,
} from "./settings.js";
