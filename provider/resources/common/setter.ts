import { PartnerApi } from "../../client/models";
import { apiClient } from "../../runtime/context";
import { warn } from "../../runtime/log";
import { InputChecker } from "./validation";
import { definedOnly, diffInputs, pickInputs } from "./diff";
import { Lifecycle } from "./lifecycle";

type Props = Record<string, unknown>;

/**
 * The shape shared by the resources that wrap one Set/Update call of the API:
 * create and update both send the call (it is idempotent), a new customer (or
 * subdomain) is a new resource, and destroy cannot undo anything.
 */
export interface SetterSpec {
  /** The class name, used in messages. */
  resource: string;
  inputs: readonly string[];
  /** Inputs whose change makes a new resource: they name what is being configured. */
  replaceOn: readonly string[];
  defaults?: Props;
  validate(c: InputChecker, news: Props): void;
  id(inputs: Props): string;
  /** Sends the call; returns the outputs it adds to the inputs. */
  apply(api: PartnerApi, inputs: Props): Promise<Props>;
  /**
   * Reads what the API can tell about the live setting: the outputs to keep, or undefined when the
   * customer is gone. The default can only check that the customer still exists.
   */
  readLive?(api: PartnerApi, props: Props): Promise<Props | undefined>;
  /** What destroy leaves behind, said as a warning. */
  onDelete(props: Props): string;
}

async function customerStillExists(api: PartnerApi, props: Props): Promise<Props | undefined> {
  return (await api.findCustomer(String(props.customerCode))) ? props : undefined;
}

export function setterLifecycle(spec: SetterSpec): Lifecycle {
  const withDefaults = (news: Props): Props => {
    const inputs = { ...news };
    for (const [k, v] of Object.entries(spec.defaults ?? {})) if (inputs[k] === undefined) inputs[k] = v;
    return inputs;
  };
  const applyAll = async (inputs: Props): Promise<Props> =>
    definedOnly({ ...pickInputs(inputs, spec.inputs), ...(await spec.apply(apiClient(), inputs)) });

  return {
    async check(_olds, news) {
      const c = new InputChecker(news, spec.inputs);
      spec.validate(c, news);
      return { inputs: withDefaults(news), failures: c.failures };
    },
    async diff(_id, olds, news) {
      return diffInputs(olds, news, spec.inputs, spec.replaceOn);
    },
    async create(inputs) {
      return { id: spec.id(inputs), outs: await applyAll(inputs) };
    },
    async read(id, props) {
      const live = await (spec.readLive ?? customerStillExists)(apiClient(), props ?? {});
      return live ? { id, props: definedOnly(live) } : {};
    },
    async update(_id, _olds, news) {
      return { outs: await applyAll(news) };
    },
    async delete(_id, props) {
      await warn(spec.onDelete(props));
    },
  };
}
