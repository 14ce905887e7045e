import { useLocation, useParams } from "react-router";
import { ErrorBox, Loading } from "../components/status";
import { HostRoom } from "../rooms/HostRoom";
import { MediatorConsole } from "../rooms/MediatorConsole";
import { PartySeat } from "../rooms/PartySeat";
import { tokenFromHash, useRoom } from "../rooms/use-room";

/** /rooms/:id#token=…: the seat the token opens (a party, the mediator, or the host's room). */
export default function RoomPage() {
  const id = useParams().id!;
  const token = tokenFromHash(useLocation().hash);
  const { room, error, connection } = useRoom(id, token);
  if (error && !room) return <ErrorBox title="This room cannot be opened" error={error} />;
  if (!room || !token) return <Loading what="Opening the room…" />;
  const props = { room, token, connection };
  if (room.role === "party") return <PartySeat key={room.id} {...props} />;
  if (room.role === "mediator") return <MediatorConsole key={room.id} {...props} />;
  return <HostRoom {...props} />;
}
