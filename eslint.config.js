import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'
import { importX } from 'eslint-plugin-import-x'

export default tseslint.config(
  {
    ignores: [
      'dist*',
      'node_modules',
      'docs/screenshots',
      '.content-out',
      'bench/.out',
      'e2e/.artifacts',
      '.bench-cache',
      '.scratch',
    ],
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': 'error',
      // Imports run one way: shared → features → app. Features never import each other.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/features/digests', from: './src/features', except: ['./digests'] },
            { target: './src/features/search', from: './src/features', except: ['./search'] },
            { target: './src/features/bookmarks', from: './src/features', except: ['./bookmarks'] },
            {
              target: './src/features/preferences',
              from: './src/features',
              except: ['./preferences'],
            },
            { target: './src/features', from: './src/app' },
            {
              target: [
                './src/components',
                './src/lib',
                './src/types',
                './src/config',
                './src/utils',
              ],
              from: ['./src/features', './src/app'],
            },
            { target: './src', from: ['./pipeline', './e2e', './bench', './test'] },
            { target: './pipeline', from: ['./src/app', './src/features', './src/components'] },
          ],
        },
      ],
    },
    settings: {
      'import-x/resolver': {
        typescript: {
          project: ['tsconfig.app.json', 'tsconfig.node.json'],
          noWarnOnMultipleProjects: true,
        },
        node: true,
      },
    },
  },
)
