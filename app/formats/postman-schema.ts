/**
 * The shape of a Postman Collection v2.0/v2.1 file and a Postman environment, as far as the importer
 * relies on it (https://schema.postman.com/collection/json/v2.1.0/draft-07/docs/index.html). Loose:
 * unknown keys pass through; anything the importer reads is checked here so errors name their path.
 */
import { z } from 'zod';

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
export const descriptionSchema = z
  .union([z.string(), z.looseObject({ content: z.string().optional() }), z.null()])
  .optional()
  .transform((d) => (typeof d === 'string' ? d : (d?.content ?? '')));

const keyValueSchema = z.looseObject({
  key: z.union([text, z.null()]).optional(),
  value: z.unknown().optional(),
  disabled: z.boolean().optional(),
  type: z.string().optional(),
  description: descriptionSchema,
});
export type PostmanKeyValue = z.infer<typeof keyValueSchema>;

export const authJsonSchema = z.looseObject({ type: z.string() });

const eventSchema = z.looseObject({
  listen: z.string(),
  disabled: z.boolean().optional(),
  script: z.looseObject({ exec: z.union([z.string(), z.array(z.string()), z.null()]).optional() }).optional(),
});
export type PostmanEvent = z.infer<typeof eventSchema>;

const formDataSchema = z.looseObject({
  key: text.optional(),
  value: z.unknown().optional(),
  type: z.string().optional(),
  src: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  disabled: z.boolean().optional(),
  contentType: z.string().optional(),
});

export const bodyJsonSchema = z.looseObject({
  mode: z.string().optional(),
  raw: z.union([z.string(), z.null()]).optional(),
  urlencoded: z.array(keyValueSchema).optional(),
  formdata: z.array(formDataSchema).optional(),
  file: z
    .looseObject({ src: z.union([z.string(), z.null()]).optional(), content: z.string().optional() })
    .optional(),
  graphql: z.looseObject({ query: z.string().optional(), variables: z.unknown().optional() }).optional(),
  options: z.looseObject({ raw: z.looseObject({ language: z.string().optional() }).optional() }).optional(),
  disabled: z.boolean().optional(),
});
export type PostmanBody = z.infer<typeof bodyJsonSchema>;

export const requestJsonSchema = z.looseObject({
  method: z.string().optional(),
  url: z.union([z.string(), z.looseObject({}), z.null()]).optional(),
  header: z.union([z.array(keyValueSchema), z.string(), z.null()]).optional(),
  body: z.union([bodyJsonSchema, z.null()]).optional(),
  auth: z.union([authJsonSchema, z.null()]).optional(),
  description: descriptionSchema,
});
export type PostmanRequestJson = z.infer<typeof requestJsonSchema>;

export interface PostmanItemJson {
  name?: string | undefined;
  description: string;
  item?: PostmanItemJson[] | undefined;
  request?: string | PostmanRequestJson | undefined;
  event?: PostmanEvent[] | undefined;
  response?: unknown[] | undefined;
  auth?: z.infer<typeof authJsonSchema> | null | undefined;
  protocolProfileBehavior?: Record<string, unknown> | undefined;
  variable?: PostmanKeyValue[] | undefined;
}

export const itemSchema: z.ZodType<PostmanItemJson, unknown> = z.lazy(() =>
  z.looseObject({
    name: text.optional(),
    description: descriptionSchema,
    item: z.array(itemSchema).optional(),
    request: z.union([z.string(), requestJsonSchema]).optional(),
    event: z.array(eventSchema).optional(),
    response: z.array(z.unknown()).optional(),
    auth: z.union([authJsonSchema, z.null()]).optional(),
    protocolProfileBehavior: z.record(z.string(), z.unknown()).optional(),
    variable: z.array(keyValueSchema).optional(),
  }),
);

export const collectionJsonSchema = z.looseObject({
  info: z.looseObject({ name: text, schema: z.string().optional(), description: descriptionSchema }),
  item: z.array(itemSchema),
  event: z.array(eventSchema).optional(),
  variable: z.array(keyValueSchema).optional(),
  auth: z.union([authJsonSchema, z.null()]).optional(),
  protocolProfileBehavior: z.record(z.string(), z.unknown()).optional(),
});
export type PostmanCollectionJson = z.infer<typeof collectionJsonSchema>;

export const environmentJsonSchema = z.looseObject({
  name: text.optional(),
  values: z.array(
    z.looseObject({
      key: text,
      value: z.unknown().optional(),
      enabled: z.boolean().optional(),
      type: z.string().optional(),
    }),
  ),
});
export type PostmanEnvironmentJson = z.infer<typeof environmentJsonSchema>;
