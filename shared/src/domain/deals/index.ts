export * from './commission';
export * from './holds';
export * from './money';
export * from './radius';
export * from './settlement';
export * from './vat';
