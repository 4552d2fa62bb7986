// What a frontend developer reads in GraphiQL's docs and gets from codegen: every
// part of the schema described, and enums a client can rely on.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLEnumType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';

const ownTypes = (): GraphQLNamedType[] =>
  Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));
const enums = () => ownTypes().filter(isEnumType);
const described = (thing: { description?: string | null | undefined }) => Boolean(thing.description?.trim());

/** Every type, field, argument, input field and enum value without a description, by schema coordinate. */
function undescribed(): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, thing: { description?: string | null }) => {
    if (!described(thing)) missing.push(coordinate);
  };
  for (const type of ownTypes()) {
    // The roots are containers: their fields carry the documentation.
    if (![schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as never)) check(type.name, type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field);
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value);
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribed()).toEqual([]);
  });

  it('describes the roots a new client starts from', () => {
    const fields = { ...schema.getQueryType()!.getFields(), ...schema.getMutationType()!.getFields() };
    for (const name of ['node', 'nodes', 'viewer', 'signUp', 'logIn', 'createWorkspace', 'uploadDataset', 'startAnalysis']) {
      expect(fields[name]?.description, name).toMatch(/\w{3,}/);
    }
  });
});

describe('enums', () => {
  it('name every value in SCREAMING_CASE', () => {
    const offending = enums().flatMap((type) =>
      type
        .getValues()
        .filter((v) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(v.name))
        .map((v) => `${type.name}.${v.name}`),
    );
    expect(offending).toEqual([]);
  });

  it('never repeat one another (one enum per set of values)', () => {
    const byValues = new Map<string, string[]>();
    for (const type of enums()) {
      const key = type
        .getValues()
        .map((v) => v.name)
        .sort()
        .join(',');
      byValues.set(key, [...(byValues.get(key) ?? []), type.name]);
    }
    expect([...byValues.values()].filter((names) => names.length > 1)).toEqual([]);
  });

  it('are named as a person would name them, not after the path that generated them', () => {
    const generated = ownTypes()
      .map((t) => t.name)
      .filter((name) => /^(ColumnDistribution|InsightEvidence|ScoreBreakdown)[A-Z]/.test(name));
    expect(generated).toEqual([]);
  });

  it('list severities from the most severe down and statuses in lifecycle order', () => {
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values('InsightSeverity')).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']);
    expect(values('AnalysisStatus')).toEqual(['PENDING', 'RUNNING', 'COMPLETED', 'FAILED']);
  });

  it('type the closed sets: a column profile’s data type, an insight’s check, the progress phase', () => {
    const fieldType = (type: string, field: string) => {
      const t = schema.getType(type);
      if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
      return String(t.getFields()[field]!.type);
    };
    expect(fieldType('ColumnProfile', 'dataType')).toBe('LogicalType!');
    expect(fieldType('InsightEvidence', 'check')).toBe('InsightCheck!');
    expect(fieldType('InsightCost', 'check')).toBe('InsightCheck!');
    expect(fieldType('AnalysisProgress', 'phase')).toBe('AnalysisPhase!');
    expect(fieldType('ScoreBreakdown', 'goal')).toBe('AnalysisGoalType!');
    expect(fieldType('InsightCost', 'type')).toBe('InsightType!');
  });
});
