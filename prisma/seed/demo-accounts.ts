// The demo accounts printed by `npm start`. Demo data only: never used with DATABASE_URL set.
export const DEMO_PASSWORD = "puente-demo-2026";

export const DEMO_SIGN_INS = [
  { role: "admin", email: "admin@puente.example" },
  { role: "staff (IOM)", email: "staff.oim@puente.example" },
  { role: "staff (ECLAC)", email: "staff.cepal@puente.example" },
  { role: "committee chair", email: "comite.presidencia@puente.example" },
  // Recused from one nomination of the open session (a member of his organization).
  { role: "committee member", email: "carlos@redandina.example" },
  { role: "organization admin", email: "ana@sinfronteras.example" },
  { role: "participant", email: "participante@puente.example" },
  { role: "delegate (ECLAC)", email: "delegado.cepal@puente.example" },
  { role: "diaspora participant (New York)", email: "daniela@diaspora-americas.example" },
  { role: "monitoring reviewer (IOM)", email: "monitoreo.oim@puente.example" },
] as const;
