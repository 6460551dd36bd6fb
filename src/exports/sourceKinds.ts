// Which files of a tree can export symbols, and which can set a directory's symbol namespace.

/** C and preprocessed assembly, and the `_shipped` copies the build renames (fs/unicode/utf8data.c_shipped). */
export const isExportingSource = (path: string): boolean => /\.(?:c|h|S)(?:_shipped)?$/.test(path);

/** Headers: the files whose wrapper macros the whole tree can use. */
export const isHeader = (path: string): boolean => /\.h(?:_shipped)?$/.test(path);

/** kbuild files, where `ccflags-y += -DDEFAULT_SYMBOL_NAMESPACE=...` can be set for a directory. */
export const isKbuildFile = (path: string): boolean => /(?:^|\/)(?:Makefile|Kbuild)$/.test(path);

/** The cheap byte-level test that decides whether a source file needs parsing at all. */
export const SOURCE_NEEDLE = 'EXPORT';
export const KBUILD_NEEDLE = 'DEFAULT_SYMBOL_NAMESPACE';
