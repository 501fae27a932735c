/**
 * The daily CreateCustomer budget, known to the user (chronicle:createQuotaRemaining),
 * against the customer creations this provider process has seen planned. A plan
 * that creates more customers than the budget allows is warned about at preview
 * time: the surplus would fail with 429 and wait for a later run.
 */
import { configValue } from "../../runtime/context";
import { warn } from "../../runtime/log";

export const QUOTA_KEY = "chronicle:createQuotaRemaining";

/** Planned creations by customer code (check may run more than once for one resource); unknown codes count once each. */
const planned = new Set<string>();
let unknownCodes = 0;
let warned = false;

function budget(): number | undefined {
  const raw = configValue(QUOTA_KEY)?.trim();
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`Invalid ${QUOTA_KEY}: "${raw}" is not allowed; expected a whole number from 0 (the CreateCustomer calls left today).`);
  }
  return n;
}

/** Records one planned CreateCustomer (`code` undefined when not known yet) and warns once when the budget is exceeded. */
export async function notePlannedCreate(code: string | undefined): Promise<void> {
  const limit = budget();
  if (code === undefined) unknownCodes++;
  else planned.add(code);
  const count = planned.size + unknownCodes;
  if (limit === undefined || warned || count <= limit) return;
  warned = true;
  // Checks arrive one resource at a time, so the total is not known yet: the count is a floor.
  await warn(
    `This plan creates at least ${count} customers, but ${QUOTA_KEY} says ${limit} CreateCustomer calls are left today. ` +
      `Only ${limit} can be created now: the rest will fail with HTTP 429 (daily quota) and be created on a later run, after the quota resets. ` +
      `Nothing is lost or duplicated; run \`pulumi up --continue-on-error\` so that everything else still gets done.`,
  );
}
