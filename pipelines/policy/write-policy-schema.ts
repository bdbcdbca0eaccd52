/**
 * Writes data-contracts/policy.schema.json from the zod contract, so editors can check policy files
 * (`# yaml-language-server: $schema=../policy.schema.json`). A test keeps the file in step with the schema.
 * Run: node --import tsx pipelines/policy/write-policy-schema.ts
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { PolicyFileSchema } from '../../data-contracts/policy.schema.ts'

export const POLICY_JSON_SCHEMA_PATH = fileURLToPath(
  new URL('../../data-contracts/policy.schema.json', import.meta.url),
)

export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(PolicyFileSchema)
  return JSON.stringify({ ...schema, title: 'record-relief DA policy file' }, null, 2) + '\n'
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(POLICY_JSON_SCHEMA_PATH, policyJsonSchema())
  process.stdout.write(`wrote ${POLICY_JSON_SCHEMA_PATH}\n`)
}
