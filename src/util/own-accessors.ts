/**
 * Makes each named accessor of obj's class an own, enumerable property of obj that reads through the class's getter
 * (so a subclass's override still answers). TF.js keeps these as plain fields, and programs test for them with
 * hasOwnProperty: nsfwjs tells a layers model from a graph model by hasOwnProperty('layers').
 */
export function ownAccessors(obj: object, names: readonly string[]): void {
  const proto: object = Object.getPrototypeOf(obj);
  for (const name of names) Object.defineProperty(obj, name, { get: () => Reflect.get(proto, name, obj), enumerable: true, configurable: true });
}
