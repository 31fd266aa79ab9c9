/** Settings from the environment, validated once, mapped onto the pipeline's options. */
export { engineOptionsFrom } from "./engine-options.js";
export { loadDotEnv } from "./environment.js";
export {
  BOT_TOKEN_PATTERN,
  type BotSettings,
  botSettingsSchema,
  parseSettings,
  type Settings,
  SettingsError,
  settingsSchema,
} from "./settings.js";
