/** Stage 1 of the pipeline: files on disk become documents. */
export {
  checkDocumentName,
  DOCUMENT_EXTENSIONS,
  type DocumentChangeOptions,
  type DocumentFile,
  DocumentFileError,
  listDocumentFiles,
  removeDocument,
  writeDocument,
} from "./documents.js";
export { CorpusError } from "./errors.js";
export { EXAMPLES_FILE, type ExampleQuestions, loadExampleQuestions } from "./examples.js";
export { GLOSSARY_FILE, type Glossary, type GlossaryEntry, loadGlossary } from "./glossary.js";
export {
  type CorpusReading,
  corpusHash,
  type LoadCorpusOptions,
  loadCorpus,
  parseDocument,
  readCorpus,
  type SkippedFile,
} from "./load.js";
export { corpusSignature } from "./signature.js";
export {
  DERIVED_TITLE_CHARS,
  type DocumentSource,
  deriveTitle,
  loadSources,
  SOURCES_FILE,
  type SourcesReading,
} from "./sources.js";
export type { CorpusDocument } from "./types.js";
