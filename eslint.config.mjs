import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Module boundaries (DESIGN.md): apps may use anything; domain packages only domain and util
// packages; util packages only util packages. `highs` belongs to @gridhaul/lp alone and
// `@prisma/client` to the server's data-access module alone.

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/.gridhaul/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:app', 'type:domain', 'type:util'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      // noUncheckedIndexedAccess makes `!` the honest way to index arrays known to be in range.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'highs', message: 'Only @gridhaul/lp talks to HiGHS; use its Model and solve().' },
            { name: '@prisma/client', message: 'Only the server data-access module imports Prisma.' },
          ],
        },
      ],
    },
  },
  { files: ['packages/lp/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['apps/server/src/data/**'], rules: { 'no-restricted-imports': 'off' } },
];
